package dev.grid.log.impl.group;

import dev.grid.log.GridLog;
import dev.grid.log.PartitionInfo;
import dev.grid.log.PartitionLag;
import dev.grid.log.TopicDescription;
import dev.grid.log.impl.invoke.LogInvoker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a group is behind in a topic: per partition, the committed offset against the high watermark. The lag is
 * the records between the committed offset (or, if the group has committed none for the partition or committed one
 * that retention has since passed, the partition's start offset) and the high watermark, never negative.
 */
public final class GroupLag {
    /** The topic's description is a blocking call: it runs here, never on the thread that answers the offsets. */
    private static final ExecutorService DESCRIBE = Executors.newCachedThreadPool(new DaemonThreads());

    private GroupLag() {
    }

    /**
     * @return the committed offset, high watermark and lag of each partition of the topic for the group, by partition;
     *         completes on another thread than the caller's (which it never blocks)
     */
    public static CompletableFuture<List<PartitionLag>> lag(GridLog log, LogInvoker invoker, String group, String topic) {
        return lag(log, new InvokerGroupClient(invoker, group), topic);
    }

    /** @see #lag(GridLog, LogInvoker, String, String) */
    public static CompletableFuture<List<PartitionLag>> lag(GridLog log, GroupClient group, String topic) {
        CompletableFuture<Map<Integer, Long>> committed = group.committedOffsets(topic);
        CompletableFuture<List<long[]>> marks = CompletableFuture.supplyAsync(() -> startAndHighWatermarks(log, topic), DESCRIBE);
        return marks.thenCombine(committed, (startAndEnd, offsets) -> {
            List<PartitionLag> lags = new ArrayList<>(startAndEnd.size());
            for (int p = 0; p < startAndEnd.size(); p++) {
                long start = startAndEnd.get(p)[0];
                long highWatermark = startAndEnd.get(p)[1];
                long offset = offsets.getOrDefault(p, -1L);
                lags.add(new PartitionLag(topic, p, offset, highWatermark, lag(start, highWatermark, offset)));
            }
            return lags;
        });
    }

    /**
     * @param committedOffset the group's committed offset, or -1 if it has none
     * @return the records between the committed offset (or the start offset, if there is none or retention passed it)
     *         and the high watermark, never negative
     */
    static long lag(long startOffset, long highWatermark, long committedOffset) {
        return Math.max(0, highWatermark - Math.max(startOffset, committedOffset));
    }

    private static List<long[]> startAndHighWatermarks(GridLog log, String topic) {
        TopicDescription description = log.describeTopic(topic);
        int partitions = description.config().getPartitions();
        List<long[]> marks = new ArrayList<>(partitions);
        if (description.partitions().size() == partitions) {
            long[][] byPartition = new long[partitions][];
            for (PartitionInfo info : description.partitions()) {
                byPartition[info.partition()] = new long[] {info.startOffset(), info.highWatermark()};
            }
            marks.addAll(List.of(byPartition));
        } else {
            for (int p = 0; p < partitions; p++) {
                marks.add(new long[] {log.startOffset(topic, p), log.endOffset(topic, p)});
            }
        }
        return marks;
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "grid-log-lag-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
