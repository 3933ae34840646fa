package dev.grid.log.impl.group;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import dev.grid.core.spi.SerializableTypes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * grid-log's factory with only the groups' types, for tests on real members while grid-log has no hook of its own.
 * Registers itself only when no other hook of grid-log is on the class path (then that one, which calls
 * {@link GroupSerialization#addTo}, takes the factory id).
 */
public final class TestGroupSerializerHook implements DataSerializerHook {
    private static final String HOOKS = "META-INF/services/com.hazelcast.DataSerializerHook";

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return GroupSerialization.addTo(new SerializableTypes("grid-log (groups only, tests)", GroupSerialization.F_ID)).factory();
    }

    @Override
    public boolean shouldRegister() {
        try {
            Enumeration<URL> lists = TestGroupSerializerHook.class.getClassLoader().getResources(HOOKS);
            while (lists.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        String name = line.trim();
                        if (name.startsWith("dev.grid.log.") && !name.equals(TestGroupSerializerHook.class.getName())) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
