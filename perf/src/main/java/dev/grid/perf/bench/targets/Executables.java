package dev.grid.perf.bench.targets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Programs the harness runs when the machine has them ({@code redis-server}). */
public final class Executables {
    private Executables() {
    }

    /** @return the executable of that name in a directory of the PATH, or null if there is none */
    public static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
