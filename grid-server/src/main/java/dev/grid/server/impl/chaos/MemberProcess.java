package dev.grid.server.impl.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code grid start} JVM. Its standard output is read line by line (and copied to
 * {@code <name>.out}, each line after the time it was read), so callers can wait for what the member says; standard error goes to
 * {@code <name>.err}. {@link #kill()} sends SIGKILL.
 */
final class MemberProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private MemberProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * @param command the whole command line ({@code java ... GridCommand start --config FILE})
     * @param logs    directory of the output files
     * @param name    the member's name in file names and messages
     */
    static MemberProcess start(List<String> command, Path logs, String name) {
        try {
            Files.createDirectories(logs);
            Path err = logs.resolve(name + ".err");
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                    .start();
            MemberProcess member = new MemberProcess(name, process);
            member.copyOutput(logs.resolve(name + ".out"));
            return member;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start member " + name + ": " + command.get(0), e);
        }
    }

    private void copyOutput(Path file) throws IOException {
        Writer copy = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread reader = new Thread(() -> {
            try (copy; BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    copy.write(LocalTime.now().toString());
                    copy.write(' ');
                    copy.write(line);
                    copy.write('\n');
                    copy.flush();
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "chaos-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the last line of standard output that starts with one of the prefixes, or null */
    String lastLineStartingWith(String... prefixes) {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                for (String prefix : prefixes) {
                    if (lines.get(i).startsWith(prefix)) {
                        return lines.get(i);
                    }
                }
            }
        }
        return null;
    }

    /** SIGKILL: the member gets no chance to say goodbye. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("member " + name + " (pid " + pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing member " + name, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
