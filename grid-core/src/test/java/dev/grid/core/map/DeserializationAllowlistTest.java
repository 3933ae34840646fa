package dev.grid.core.map;

import com.example.outside.AllowedProcessor;
import com.example.outside.GadgetProcessor;
import com.example.outside.Outsider;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member deserializes only the classes its allowlist names: a client's entry processor of another
 * class is refused before its {@code readObject} runs, with an error naming the class and the key
 * to add it to; the allowed one runs; the member goes on serving.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeserializationAllowlistTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7).withClient()
            .configure(config -> config.getSecurity().allowClasses("com.example.outside.AllowedProcessor"));

    @AfterEach
    void memberStillServes() {
        TestClusters.assertServes(CLUSTER.client());
    }

    @Test
    void shouldRefuseAnEntryProcessorOfAClassNotOnTheAllowlistBeforeDeserializingIt() {
        GridMap<String, String> map = CLUSTER.client().map("gadget");
        map.set("k", "v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.executeOnKey("k", new GadgetProcessor()));
        assertEquals("GridMap 'gadget': executeOnKey refused: class com.example.outside.GadgetProcessor is not on the members' "
                + "deserialization allowlist: add it, or its package (com.example.*), to grid.security.allowedClasses "
                + "(see docs/security.md); nothing was changed", e.getMessage());
        assertEquals(0, GadgetProcessor.DESERIALIZED.get(), "the member ran the gadget's readObject");
        assertEquals("v", map.get("k"));
    }

    @Test
    void shouldRunAnEntryProcessorTheAllowlistNames() {
        GridMap<String, Object> map = CLUSTER.client().map("allowed");
        map.set("k", "v");
        assertEquals("before: v", map.executeOnKey("k", new AllowedProcessor()));
        assertEquals("processed", map.get("k"));
    }

    @Test
    void shouldRefuseAnAllowedProcessorReadingAValueOfAClassNotOnTheAllowlist() {
        GridMap<String, Object> map = CLUSTER.client().map("outsider-values");
        map.set("k", new Outsider("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.executeOnKey("k", new AllowedProcessor()));
        assertTrue(e.getMessage().contains("class com.example.outside.Outsider is not on the members' deserialization allowlist"),
                e.getMessage());
        assertEquals(new Outsider("x"), map.get("k"), "the client reads it back: only members filter");
    }

    @Test
    void theMembersOwnReadOfAValueOfAClassNotOnTheAllowlistSaysHowToAllowIt() {
        CLUSTER.client().map("read-on-member").set("k", new Outsider("y"));
        GridMap<String, Object> onMember = CLUSTER.member(0).map("read-on-member");
        HazelcastSerializationException e = assertThrows(HazelcastSerializationException.class, () -> onMember.get("k"));
        assertEquals("GridMap 'read-on-member': cannot read an entry: class com.example.outside.Outsider is not on the members' "
                + "deserialization allowlist: add it, or its package (com.example.*), to grid.security.allowedClasses "
                + "(see docs/security.md)", e.getMessage());
    }
}
