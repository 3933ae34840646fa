package dev.grid.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every grid JVM needs (module opens for Chronicle and Hazelcast, Chronicle's
 * analytics off, Hazelcast logging through SLF4J). They are defined once, as the property
 * {@code grid.jvm.flags} of the parent pom, and filtered into a resource at build time; code that
 * starts another grid JVM (tests, tools) takes them from here.
 */
public final class JvmFlags {
    private static final String RESOURCE = "jvm.options";

    private JvmFlags() {
    }

    /** @return the flags, one element each, in order */
    public static List<String> list() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/grid/core/impl/" + RESOURCE + " is missing from grid-core's jar");
            }
            String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (flags.isEmpty() || flags.startsWith("${")) {
                throw new IllegalStateException("grid-core was built without the grid.jvm.flags property: " + flags);
            }
            return List.copyOf(Arrays.asList(flags.split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
