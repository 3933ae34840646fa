package dev.grid.monitor.test;

import dev.grid.core.spi.JvmFlags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** A JVM running a main class of this test classpath with grid's JVM flags; {@link #close()} always kills it. */
public final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private JvmProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static JvmProcess start(Path dir, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, main.getSimpleName(), ".out");
        Path err = Files.createTempFile(dir, main.getSimpleName(), ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new JvmProcess(process, out, err);
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the first group of the pattern's first match in the output, waiting for it up to the timeout */
    public String awaitOutput(Pattern pattern, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> pattern.matcher(out()).find() || !process.isAlive());
        Matcher matcher = pattern.matcher(out());
        if (!matcher.find()) {
            throw new AssertionError("the process exited without printing " + pattern + "; out:\n" + out() + "\nerr:\n" + tail(err()));
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    /** @return the exit code; fails the test if the process runs longer than the timeout */
    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout + "; out:\n" + out() + "\nerr:\n" + tail(err()));
        }
        return process.exitValue();
    }

    /** Kills the JVM (SIGKILL: no shutdown hooks) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    @Override
    public void close() {
        kill();
    }
}
