package dev.grid.core.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files: documents (JSON, reports) as the code wrote them when the file was made, in the module's
 * {@code src/test/resources/golden/}. A test compares what the code writes now, byte for byte. After an
 * intended change, {@code -Dgrid.golden.update=true} rewrites the files; review their diff before committing.
 */
public final class GoldenFiles {
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("grid.golden.update");

    private GoldenFiles() {
    }

    /** Fails unless {@code actual} equals the golden file {@code name} exactly (or rewrites it in update mode). */
    public static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "no golden file " + file.toAbsolutePath() + " (make it with -Dgrid.golden.update=true)");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "what the code wrote differs from the golden file " + file
                    + "; if the change is intended, rerun with -Dgrid.golden.update=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
