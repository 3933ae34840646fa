package dev.grid.server.impl.job;

import com.hazelcast.jet.JetException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Jet throws at a client, as {@code grid job} words it: the class or the setting to change is named. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JetErrorsTest {
    @Test
    void aClassTheMembersCannotLoadIsNamed() {
        assertEquals("com.example.Step", JetErrors.missingClass(new JetException("job failed",
                new HazelcastSerializationException("x", new ClassNotFoundException("com.example.Step")))));
        assertEquals("com.example.Step", JetErrors.missingClass(new JetException("java.lang.NoClassDefFoundError: com/example/Step")));
        assertEquals("com.example.Step", JetErrors.missingClass(new JetException("java.lang.ClassNotFoundException: com.example.Step at ...")));
        assertEquals(null, JetErrors.missingClass(new JetException("Job with id 0a1b-2c3d-4e5f-6789 not found")));
        assertTrue(JetErrors.describe(new JetException("x", new ClassNotFoundException("com.example.Step")))
                .startsWith("the members cannot load class com.example.Step: it is not on their class path nor in a jar attached to the job"));
    }

    @Test
    void aClassTheDeserializationFilterRefusesNamesTheAllowlist() {
        String message = JetErrors.describe(new HazelcastSerializationException("x",
                new SecurityException("Resolving class com.example.Step is not allowed.")));
        assertEquals("the members refuse to deserialize class com.example.Step of the job: add it, or its package (com.example.**), to "
                + "grid.security.allowedClasses on every member (see docs/security.md)", message);
    }

    @Test
    void membersRefusingJarsNameTheSetting() {
        assertTrue(JetErrors.describe(new JetException("Resource upload is not enabled"))
                .startsWith("the members refuse uploaded jars: set grid.jetResourceUploadEnabled: true on every member"));
    }
}
