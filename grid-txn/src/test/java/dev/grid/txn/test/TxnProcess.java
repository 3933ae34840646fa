package dev.grid.txn.test;

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
import java.util.concurrent.locks.LockSupport;

/**
 * An application JVM ({@link TxnCrashApp}, or another main class of the tests) with grid's JVM flags and this test's
 * classpath; {@link #close()} always kills it.
 */
public final class TxnProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private TxnProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static TxnProcess start(Path dir, String... args) throws IOException {
        return start(dir, TxnCrashApp.class, args);
    }

    /** Starts {@code mainClass args...}; its output goes to files in {@code dir}. */
    public static TxnProcess start(Path dir, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "txn-app", ".out");
        Path err = Files.createTempFile(dir, "txn-app", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new TxnProcess(process, out, err);
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

    /**
     * Waits until the output holds {@code count} lines starting with {@code prefix}; fails the test if the process
     * exits first or the timeout passes.
     */
    public void awaitLines(String prefix, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (linesStartingWith(prefix) < count) {
            if (!process.isAlive()) {
                throw new AssertionError("the transaction process exited (" + process.exitValue() + ") before printing "
                        + count + " lines '" + prefix + "...'; out:\n" + out() + "\nerr:\n" + tail(err()));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the transaction process printed " + linesStartingWith(prefix) + " of " + count
                        + " lines '" + prefix + "...' within " + timeout + "; out:\n" + out() + "\nerr:\n" + tail(err()));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private long linesStartingWith(String prefix) {
        return out().lines().filter(line -> line.startsWith(prefix)).count();
    }

    /** @return the process id, for {@code kill -9} */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills the process with SIGKILL (as {@code kill -9}: no shutdown hooks, nothing flushed) and waits for it.
     *
     * @return the exit code (137 on Linux)
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** @return the exit code; fails the test if the process runs longer than the timeout */
    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the transaction process did not exit within " + timeout + "; out:\n" + out() + "\nerr:\n" + tail(err()));
        }
        return process.exitValue();
    }

    public static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
