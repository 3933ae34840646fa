package dev.grid.lock.impl.raft;

import io.microraft.executor.RaftNodeExecutor;
import io.microraft.lifecycle.RaftNodeLifecycleAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread a Raft node runs on, named after the member, a daemon, and logging what a task
 * throws rather than losing it. Work offered after the node terminated is dropped.
 */
final class RaftNodeRunner implements RaftNodeExecutor, RaftNodeLifecycleAware {
    private static final Logger LOG = LoggerFactory.getLogger(RaftNodeRunner.class);
    private final ScheduledThreadPoolExecutor executor;

    RaftNodeRunner(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        submit(task);
    }

    @Override
    public void submit(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Raft node terminated; dropped {}", task);
        }
    }

    @Override
    public void schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            executor.schedule(guarded(task), delay, unit);
        } catch (RejectedExecutionException e) {
            LOG.debug("Raft node terminated; dropped {}", task);
        }
    }

    @Override
    public void onRaftNodeTerminate() {
        executor.shutdown();
    }

    void shutdownNow() {
        executor.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("Raft task {} failed", task, t);
            }
        };
    }
}
