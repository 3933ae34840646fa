package dev.grid.perf.bench.targets;

import dev.grid.core.Grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Grid members in child JVMs ({@link BenchMember}), each on its own port of 127.0.0.1. The first
 * is started alone (it becomes the master), the rest together, so that they join it rather than
 * form clusters of their own. Output goes to one log file per member.
 */
public final class MemberProcesses implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 120;

    private final List<Process> processes;

    private MemberProcesses(List<Process> processes) {
        this.processes = processes;
    }

    /**
     * @param clusterName the cluster's name
     * @param ports       the child members' ports (one JVM each)
     * @param addresses   every member's address, children's and any in this JVM
     * @param settings    heap, partitions, map sizing, log directory
     * @return the members, all joined
     */
    public static MemberProcesses start(String clusterName, List<Integer> ports, List<String> addresses, ClusterSettings settings) {
        return start(clusterName, ports, addresses, settings, List.of());
    }

    /**
     * @param extraArgs more {@link BenchMember} arguments ({@code backups=N}, {@code dataDir=DIR})
     * @return the members, all joined
     */
    public static MemberProcesses start(String clusterName, List<Integer> ports, List<String> addresses, ClusterSettings settings,
                                        List<String> extraArgs) {
        List<Process> started = new ArrayList<>();
        MemberProcesses members = new MemberProcesses(started);
        try {
            if (!ports.isEmpty()) {
                awaitReady(List.of(launch(clusterName, ports.get(0), addresses, settings, extraArgs, started)));
                List<CompletableFuture<Long>> rest = new ArrayList<>();
                for (int port : ports.subList(1, ports.size())) {
                    rest.add(launch(clusterName, port, addresses, settings, extraArgs, started));
                }
                awaitReady(rest);
            }
            return members;
        } catch (RuntimeException e) {
            members.close();
            throw e;
        }
    }

    private static CompletableFuture<Long> launch(String clusterName, int port, List<String> addresses,
                                                  ClusterSettings settings, List<String> extraArgs, List<Process> started) {
        List<String> args = new ArrayList<>(List.of("cluster=" + clusterName, "port=" + port, "members=" + String.join(",", addresses),
                "partitions=" + settings.partitions(), "records=" + settings.records(),
                "recordSize=" + settings.recordSize(), "cp=" + settings.cpMembers()));
        args.addAll(extraArgs);
        List<String> command = JavaCommand.of(settings.memberHeap(), JavaCommand.ownClassPath(), BenchMember.class.getName(), args);
        try {
            Files.createDirectories(settings.logDirectory());
            Path log = settings.logDirectory().resolve("member-" + port + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ChildProcesses.register(process);
            started.add(process);
            return readUntilReady(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a member JVM: " + command.get(0), e);
        }
    }

    /** Reads the member's stdout on a daemon thread: completes with its pid at the ready line, then keeps draining. */
    private static CompletableFuture<Long> readUntilReady(Process process, int port, Path log) {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(BenchMember.READY)) {
                        ready.complete(process.pid());
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("member on port " + port + " (pid " + process.pid()
                    + ") exited before joining; see " + log));
        }, "bench-member-" + port + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private static void awaitReady(List<CompletableFuture<Long>> members) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        for (CompletableFuture<Long> member : members) {
            try {
                long pid = member.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                System.out.println("[bench] member JVM pid " + pid + " joined");
            } catch (TimeoutException e) {
                throw new IllegalStateException("a member JVM did not join within " + START_TIMEOUT_SECONDS + " s", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting members", e);
            }
        }
    }

    /** @return the member JVMs' pids */
    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() {
        ChildProcesses.destroy(processes);
    }

    /**
     * Shuts a bench's client down, then stops its member JVMs whatever the client did.
     *
     * @param client  the client, or null if it never connected
     * @param members the members, or null if they never started
     */
    public static void stopAfter(Grid client, MemberProcesses members) {
        try {
            if (client != null && client.isRunning()) {
                client.hazelcast().shutdown();
            }
        } catch (RuntimeException e) {
            // the members are stopped below whatever the client did
        } finally {
            if (members != null) {
                members.close();
            }
        }
    }
}
