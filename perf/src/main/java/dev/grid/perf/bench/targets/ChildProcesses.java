package dev.grid.perf.bench.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts, so that all of them are stopped whatever happens: a normal
 * end, an error, or Ctrl-C (the harness's shutdown hook calls {@link #destroyAll()}). Children are
 * asked to stop (SIGTERM), then killed if they have not exited within a few seconds. Grid member
 * children also exit by themselves when the harness's end of their stdin closes, which covers a
 * harness killed with SIGKILL.
 */
public final class ChildProcesses {
    private static final long GRACE_SECONDS = 5;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private ChildProcesses() {
    }

    /** Registers a process just started. */
    public static void register(Process process) {
        RUNNING.add(process);
    }

    /** @return the pids of the registered processes still alive */
    public static List<Long> alivePids() {
        List<Long> pids = new ArrayList<>();
        for (Process p : RUNNING) {
            if (p.isAlive()) {
                pids.add(p.pid());
            }
        }
        return pids;
    }

    /** Stops the given processes (SIGTERM, then SIGKILL after a grace period), and their descendants. */
    public static void destroy(List<Process> processes) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // not exited in time (or interrupted): killed below
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                // SIGKILL cannot be refused; a zombie is reaped by its parent
            }
        }
        processes.forEach(RUNNING::remove);
    }

    /**
     * Kills the given processes and their descendants at once (SIGKILL), for servers whose data is thrown away
     * (Kafka brokers asked to stop together would each wait for the others' controlled shutdown).
     */
    public static void kill(List<Process> processes) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                // SIGKILL cannot be refused; a zombie is reaped by its parent
            }
        }
        processes.forEach(RUNNING::remove);
    }

    /** Stops every registered process still running. */
    public static void destroyAll() {
        destroy(new ArrayList<>(RUNNING));
    }
}
