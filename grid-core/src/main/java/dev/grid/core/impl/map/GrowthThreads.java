package dev.grid.core.impl.map;

import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.OperationService;
import dev.grid.core.impl.map.table.GrowthTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The threads a member's growing stores use: one background thread that creates and frees tables
 * (a large table takes tens of milliseconds to create or free, which no partition thread should
 * wait for), and each partition's own thread, reached through Hazelcast's operation service, which
 * runs adoption and move steps queued behind the partition's operations.
 */
final class GrowthThreads {
    private static final Logger LOG = LoggerFactory.getLogger(GrowthThreads.class);

    private final ExecutorService background;
    private final OperationService operations;

    GrowthThreads(String memberName, OperationService operations) {
        this.operations = operations;
        this.background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "grid-map-growth-" + memberName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the tasks of one partition's stores */
    GrowthTasks forPartition(int partitionId) {
        return new GrowthTasks() {
            @Override
            public void inBackground(Runnable task) {
                try {
                    background.execute(() -> runLogged(task, "background"));
                } catch (RejectedExecutionException shutDown) {
                    runLogged(task, "background");
                }
            }

            @Override
            public void onPartitionThread(Runnable task) {
                operations.execute(new PartitionSpecificRunnable() {
                    @Override
                    public int getPartitionId() {
                        return partitionId;
                    }

                    @Override
                    public void run() {
                        runLogged(task, "partition " + partitionId);
                    }
                });
            }
        };
    }

    private static void runLogged(Runnable task, String where) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("GridMap store growth: a task on the {} thread failed; the store keeps its entries where they are "
                    + "and grows on its next write that needs room", where, e);
        }
    }

    /** Stops the background thread once the work already queued (freeing closed stores) is done. */
    void shutdown() {
        background.shutdown();
        try {
            if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("GridMap store growth: the background thread did not finish freeing stores within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
