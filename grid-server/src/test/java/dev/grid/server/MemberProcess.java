package dev.grid.server;

import dev.grid.core.spi.JvmFlags;
import dev.grid.server.impl.GridCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A {@code grid} command running in its own JVM, with grid's JVM flags and this test's classpath.
 * Its output goes to files (a pipe would be closed by {@link Process#destroy()} before the
 * process's last words could be read); {@link #close()} always stops it.
 */
final class MemberProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private MemberProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static MemberProcess start(Path dir, String... args) throws IOException {
        return start(dir, List.of(), Map.of(), args);
    }

    /** Starts {@code grid args...} reading its standard input from a file (as {@code grid produce < file}). */
    static MemberProcess startWithInput(Path dir, Path stdin, String... args) throws IOException {
        return start(dir, List.of(), Map.of(), stdin, args);
    }

    /** @param jvmOptions extra options for the JVM, e.g. {@code -Dorg.slf4j.simpleLogger.log.dev.grid.lock=info} */
    static MemberProcess start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        return start(dir, jvmOptions, Map.of(), args);
    }

    /** Starts {@code grid args...} with these environment variables added to this JVM's. */
    static MemberProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        return start(dir, List.of(), environment, args);
    }

    private static MemberProcess start(Path dir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        return start(dir, jvmOptions, environment, null, args);
    }

    private static MemberProcess start(Path dir, List<String> jvmOptions, Map<String, String> environment, Path stdin, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        // C1 only: a test member lives seconds, and C2 compiler threads of several JVMs on a 2-core
        // machine slowed ProcessClientGridMapTest from 15 s to 31 s.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GridCommand.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "member", ".out");
        Path err = Files.createTempFile(dir, "member", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        return new MemberProcess(process, out, err);
    }

    /** @return the process id (to read its resident memory from {@code /proc}) */
    long pid() {
        return process.pid();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitOutput(Duration timeout, Predicate<String> condition) {
        await().atMost(timeout).failFast(() -> !process.isAlive() && !condition.test(out()))
                .until(() -> condition.test(out()));
    }

    /** Waits for the process's log (standard error) to satisfy the condition. */
    void awaitLog(Duration timeout, Predicate<String> condition) {
        await().atMost(timeout).failFast(() -> !process.isAlive() && !condition.test(err()))
                .until(() -> condition.test(err()));
    }

    /** @return the process's resident memory, in bytes, as Linux reports it in {@code /proc/<pid>/status} */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS line for process " + process.pid());
    }

    /** Sends SIGTERM, as Ctrl-C or a service manager would, and waits for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return waitForExit(timeout);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout + "; out:\n" + out() + "\nerr:\n" + err());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL (a crash: no shutdown hook runs) and waits until the process is gone. */
    void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        waitForExit(timeout);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Stops every process (SIGKILL) and waits for each to exit, each within {@code timeout}. */
    static void stopAll(Iterable<MemberProcess> processes, Duration timeout) throws InterruptedException {
        for (MemberProcess process : processes) {
            process.close();
        }
        for (MemberProcess process : processes) {
            process.waitForExit(timeout);
        }
    }

    /**
     * @return a grid.yaml for a member alone in its cluster on 127.0.0.1 (13 partitions, no CP group,
     *         the monitor on a free port refreshing every 200 ms, a fast join)
     */
    static String singleMemberYaml(String clusterName, int port, Path dataDirectory) {
        return String.join("\n",
                "grid:",
                "  clusterName: " + clusterName,
                "  partitionCount: 13",
                "  dataDirectory: " + dataDirectory,
                "  network:",
                "    port: " + port,
                "    portAutoIncrement: false",
                "    members: ['127.0.0.1:" + port + "']",
                "  cp:",
                "    memberCount: 0",
                "  monitor:",
                "    port: 0",
                "    refreshInterval: 200ms",
                "  hazelcastProperties:",
                "    hazelcast.wait.seconds.before.join: 0",
                "");
    }
}
