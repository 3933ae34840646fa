package dev.grid.log.impl.group;

import dev.grid.log.GroupPartitionLag;
import dev.grid.log.TopicPartition;
import dev.grid.log.UnknownTopicException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lag of the consumer groups whose cluster partition this member owns (so it runs their coordinators and holds
 * their committed offsets), measured in the background: {@link #latest()} answers the last measurement at once and
 * starts the next one unless one is running, so the metrics that read it never wait for the cluster. A measurement
 * copies the groups' committed offsets on their partitions' threads, then asks each of their topics' partition
 * owners for the start offset and high watermark. A topic whose owners did not answer keeps its lags of the
 * measurement before; a deleted topic's are dropped. Each group is measured on one member only: the one that owns
 * its cluster partition when the offsets are copied.
 */
public final class LocalGroupLag {
    /** A measurement not done after this long is given up (a partition being promoted): the next one starts afresh. */
    static final long TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LocalGroupLag.class);
    private static final Comparator<GroupPartitionLag> ORDER = Comparator.comparing(GroupPartitionLag::group)
            .thenComparing(GroupPartitionLag::topic).thenComparingInt(GroupPartitionLag::partition);

    /** Where a topic's offsets come from. */
    @FunctionalInterface
    public interface TopicMarks {
        /**
         * @return per partition of the topic, by index, {@code {startOffset, highWatermark}}; fails with
         *         {@link UnknownTopicException} if the topic does not exist (it must not be created)
         */
        CompletableFuture<List<long[]>> startAndHighWatermarks(String topic);
    }

    private final GroupService groups;
    private final TopicMarks marks;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile List<GroupPartitionLag> latest = List.of();

    public LocalGroupLag(GroupService groups, TopicMarks marks) {
        this.groups = groups;
        this.marks = marks;
    }

    /** @return the last measurement, by group, topic and partition (empty until one completed); starts the next unless one is running */
    public List<GroupPartitionLag> latest() {
        if (running.compareAndSet(false, true)) {
            try {
                measure().orTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((lags, failure) -> {
                    if (failure == null) {
                        latest = lags;
                    } else {
                        LOG.debug("measuring the lag of the consumer groups this member coordinates failed: {}", failure.toString());
                    }
                    running.set(false);
                });
            } catch (RuntimeException | Error e) {
                running.set(false);
                LOG.debug("measuring the lag of the consumer groups this member coordinates failed: {}", e.toString());
            }
        }
        return latest;
    }

    /** @return a fresh measurement */
    CompletableFuture<List<GroupPartitionLag>> measure() {
        List<GroupPartitionLag> before = latest;
        return groups.ownedGroups().thenCompose(owned -> {
            Set<String> topics = new TreeSet<>();
            owned.forEach(group -> topics.addAll(group.topics()));
            Map<String, CompletableFuture<Marks>> byTopic = new TreeMap<>();
            for (String topic : topics) {
                CompletableFuture<Marks> read;
                try {
                    read = marks.startAndHighWatermarks(topic).thenApply(Marks::known);
                } catch (RuntimeException e) {
                    read = CompletableFuture.failedFuture(e);
                }
                byTopic.put(topic, read.exceptionally(Marks::failed));
            }
            return CompletableFuture.allOf(byTopic.values().toArray(CompletableFuture[]::new))
                    .thenApply(done -> lags(owned, byTopic, before));
        });
    }

    private static List<GroupPartitionLag> lags(List<GroupService.OwnedGroup> owned, Map<String, CompletableFuture<Marks>> byTopic,
                                                List<GroupPartitionLag> before) {
        List<GroupPartitionLag> lags = new ArrayList<>();
        for (GroupService.OwnedGroup group : owned) {
            for (String topic : group.topics()) {
                Marks marks = byTopic.get(topic).join();
                if (marks.gone()) {
                    continue;
                }
                if (marks.partitions() == null) {
                    before.stream().filter(l -> l.group().equals(group.group()) && l.topic().equals(topic)).forEach(lags::add);
                    continue;
                }
                for (int p = 0; p < marks.partitions().size(); p++) {
                    long[] startAndHigh = marks.partitions().get(p);
                    long committed = group.offsets().getOrDefault(new TopicPartition(topic, p), -1L);
                    lags.add(new GroupPartitionLag(group.group(), topic, p, committed, startAndHigh[1],
                            GroupLag.lag(startAndHigh[0], startAndHigh[1], committed)));
                }
            }
        }
        lags.sort(ORDER);
        return List.copyOf(lags);
    }

    /** A topic's offsets: known, failed this time (null partitions), or the topic is gone. */
    private record Marks(List<long[]> partitions, boolean gone) {
        static Marks known(List<long[]> partitions) {
            return new Marks(partitions, false);
        }

        static Marks failed(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return new Marks(null, cause instanceof UnknownTopicException);
        }
    }
}
