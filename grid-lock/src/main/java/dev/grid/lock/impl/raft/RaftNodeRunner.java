package dev.grid.lock.impl.raft;

import io.microraft.executor.RaftNodeExecutor;
import io.microraft.lifecycle.RaftNodeLifecycleAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one Raft node's tasks one at a time, in submission order, on the threads that submit them
 * (a trampoline): a thread that submits a task while no task of the node runs runs it itself, and
 * then every task queued meanwhile; a thread that finds a task running queues its own and returns.
 * So a Raft message runs on the Hazelcast operation thread that received it, and a command is
 * appended and sent to the followers on the caller's thread, without waking a Raft thread for each
 * (a thread hand-off and wake-up costs more here than a loopback round trip).
 *
 * <p>MicroRaft's contract holds: one task at a time, each seeing the effects of the ones before
 * (the release and acquire of {@code running} order them); a task that submits a task only queues
 * it (the running flag is taken), so tasks never nest. A submitting thread runs at most
 * {@value #INLINE_BUDGET} tasks in a row, then leaves the rest to this node's timer thread, so a
 * Hazelcast operation thread is never held for long. Delayed tasks wait on the timer thread and then
 * take the same way. A thread's interrupt status is set aside while it runs Raft tasks.
 *
 * <p>Work offered after the node terminated is dropped; a task that throws is logged, not lost.
 */
final class RaftNodeRunner implements RaftNodeExecutor, RaftNodeLifecycleAware {
    static final int INLINE_BUDGET = 64;
    private static final Logger LOG = LoggerFactory.getLogger(RaftNodeRunner.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor timer;
    private volatile boolean terminated;

    RaftNodeRunner(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        if (terminated) {
            LOG.debug("Raft node terminated; dropped {}", task);
            return;
        }
        tasks.offer(task);
        runQueued(INLINE_BUDGET);
    }

    @Override
    public void submit(Runnable task) {
        execute(task);
    }

    @Override
    public void schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            timer.schedule(() -> execute(task), delay, unit);
        } catch (RejectedExecutionException e) {
            LOG.debug("Raft node terminated; dropped {}", task);
        }
    }

    /** Stops accepting tasks; the ones already queued still run (the terminating task queues none that matter). */
    @Override
    public void onRaftNodeTerminate() {
        terminated = true;
        timer.shutdown();
    }

    /** Drops the queued tasks and stops the timer thread. */
    void shutdownNow() {
        terminated = true;
        tasks.clear();
        timer.shutdownNow();
    }

    /**
     * Runs queued tasks on this thread unless another thread is running them. A task queued by
     * another thread after this one's last poll but before it let go is seen by the check after
     * letting go, so no task is left behind.
     */
    private void runQueued(int budget) {
        boolean interrupted = false;
        try {
            int left = budget;
            while (running.compareAndSet(false, true)) {
                interrupted |= Thread.interrupted();
                try {
                    Runnable task;
                    while (left > 0 && (task = tasks.poll()) != null) {
                        left--;
                        run(task);
                    }
                } finally {
                    running.set(false);
                }
                if (tasks.isEmpty()) {
                    return;
                }
                if (left == 0) {
                    if (handOver()) {
                        return;
                    }
                    left = budget;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return true if the timer thread takes over the queued tasks; false if it has stopped (this thread goes on) */
    private boolean handOver() {
        try {
            timer.execute(() -> runQueued(Integer.MAX_VALUE));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("Raft task {} failed", task, t);
        }
    }
}
