package dev.grid.perf.bench.targets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A child process whose stdout the harness reads line by line (kept in memory), with stderr going
 * to a log file. Registered with {@link ChildProcesses}.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param command the command line
     * @param log     where stderr goes
     * @return the started process
     */
    public static ChildJvm start(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildProcesses.register(process);
            ChildJvm jvm = new ChildJvm(process, log);
            Thread reader = new Thread(jvm::readStdout, "child-" + process.pid() + "-stdout");
            reader.setDaemon(true);
            reader.start();
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * @param prefix  what the line starts with
     * @param timeout how long to wait
     * @param unit    its unit
     * @return the first stdout line starting with the prefix
     * @throws IllegalStateException if the process exits first or the time runs out (naming the log file)
     */
    public String awaitLine(String prefix, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                // the reader may still be draining the last lines
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new IllegalStateException("pid " + process.pid() + " exited (code " + process.exitValue() + ") before printing "
                        + prefix + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pid " + process.pid() + " printed no " + prefix + " line within "
                        + unit.toSeconds(timeout) + " s; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** @return every stdout line so far */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.destroy(List.of(process));
    }
}
