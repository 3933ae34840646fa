package dev.grid.monitor.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' {@code promtool} (Debian package {@code prometheus}) when it is on the PATH. */
public final class Promtool {
    private Promtool() {
    }

    /** The exit code and everything promtool printed (stdout and stderr). */
    public record Result(int exitCode, String output) {
    }

    /** @return promtool on the PATH, or null */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Pipes Prometheus text into {@code promtool check metrics}. */
    public static Result checkMetrics(Path promtool, String metrics) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(metrics.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("promtool check metrics did not finish within 60 s");
            }
            return new Result(process.exitValue(), output.trim());
        } finally {
            process.destroyForcibly();
        }
    }
}
