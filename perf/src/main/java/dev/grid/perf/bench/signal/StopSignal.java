package dev.grid.perf.bench.signal;

import dev.grid.perf.bench.targets.ChildProcesses;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the JVM's shutdown hook sets the stop flag, which every benchmark
 * thread and the load phase check; the command then writes the partial results and tears its
 * deployments down, and signals {@link #finished()}. The hook waits for that (a bounded time),
 * then stops every child process still running, whatever state the command is in.
 */
public final class StopSignal {
    private static final long FINISH_WAIT_SECONDS = 30;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** @return a signal whose shutdown hook is installed */
    public static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "grid-bench-shutdown"));
        return signal;
    }

    /** @return a signal without a hook (for tests and nested commands) */
    public static StopSignal manual() {
        return new StopSignal();
    }

    /** @return true once the run must stop */
    public boolean stopping() {
        return stop.get();
    }

    /** Asks the run to stop. */
    public void stop() {
        stop.set(true);
    }

    /** Called by the command once its results are written and its processes stopped. */
    public void finished() {
        finished.countDown();
    }

    private void onShutdown() {
        if (finished.getCount() > 0) {
            System.err.println("[bench] stopping: writing partial results and stopping child processes...");
        }
        stop.set(true);
        try {
            finished.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcesses.destroyAll();
    }
}
