package dev.grid.core.impl.map.table;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Growth tasks a test runs itself: partition-thread work waits in a queue until the test (playing the
 * partition thread) drains it; background work runs on a real thread when one is given, else waits in
 * a queue too.
 */
final class QueuedGrowthTasks implements GrowthTasks {
    private final Queue<Runnable> partition = new ArrayDeque<>();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final ExecutorService backgroundThread;

    /** @param backgroundThread where background work runs, or null to queue it too */
    QueuedGrowthTasks(ExecutorService backgroundThread) {
        this.backgroundThread = backgroundThread;
    }

    @Override
    public void inBackground(Runnable task) {
        if (backgroundThread != null) {
            backgroundThread.execute(task);
        } else {
            synchronized (background) {
                background.add(task);
            }
        }
    }

    @Override
    public synchronized void onPartitionThread(Runnable task) {
        partition.add(task);
    }

    /** Runs queued background work on the calling thread; @return how many tasks ran */
    int runBackground() {
        int ran = 0;
        while (true) {
            Runnable task;
            synchronized (background) {
                task = background.poll();
            }
            if (task == null) {
                return ran;
            }
            task.run();
            ran++;
        }
    }

    /** Runs the partition-thread work queued so far (not what it queues in turn); @return how many ran */
    int runPartitionOnce() {
        int ran = 0;
        int queued;
        synchronized (this) {
            queued = partition.size();
        }
        for (int i = 0; i < queued; i++) {
            Runnable task;
            synchronized (this) {
                task = partition.poll();
            }
            task.run();
            ran++;
        }
        return ran;
    }

    /** Runs background and partition work until none is left (waiting for a real background thread). */
    void runAll() throws InterruptedException {
        while (true) {
            if (backgroundThread != null) {
                try {
                    backgroundThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("the background thread did not finish its work: " + e, e);
                }
            }
            int ran = runBackground() + runPartitionOnce();
            boolean idle;
            synchronized (this) {
                idle = partition.isEmpty();
            }
            if (ran == 0 && idle) {
                return;
            }
        }
    }
}
