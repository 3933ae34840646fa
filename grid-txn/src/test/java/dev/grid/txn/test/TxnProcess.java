package dev.grid.txn.test;

import dev.grid.core.impl.JvmFlags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link TxnCrashApp} JVM with grid's JVM flags and this test's classpath; {@link #close()} always kills it. */
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TxnCrashApp.class.getName());
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
