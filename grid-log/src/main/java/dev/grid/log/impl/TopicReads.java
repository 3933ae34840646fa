package dev.grid.log.impl;

import dev.grid.log.FetchResult;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.operations.OffsetsOperation;
import dev.grid.log.impl.operations.ReadOperation;
import dev.grid.log.impl.operations.ReadResponse;
import dev.grid.log.impl.topic.TopicCall;
import dev.grid.log.impl.topic.TopicMeta;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics' settings, cached after first use, and the reads that need them: a partition's records and its offsets, sent to
 * the partition's owner through a {@link LogInvoker}. A topic's settings never change; a deleted topic's are dropped when
 * an operation reports it unknown (it may have been created again). {@link DefaultGridLog} (members and clients) and
 * {@link MemberLogReader} (the member's {@code MemberLog}) read through one of these each.
 */
final class TopicReads {
    private final LogInvoker invoker;
    private final Map<String, TopicMeta> topics = new ConcurrentHashMap<>();

    TopicReads(LogInvoker invoker) {
        this.invoker = invoker;
    }

    /**
     * @param create whether a missing topic is created with the members' defaults (if {@code grid.log.autoCreateTopics}
     *               is on); otherwise it fails with {@link UnknownTopicException}
     * @return the topic's settings
     */
    CompletableFuture<TopicMeta> topic(String name, boolean create) {
        TopicMeta cached = topics.get(name);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return invoker.onMember(TopicCall.find(name, create)).thenApply(found -> remember((TopicMeta) found));
    }

    /** @return the topic's settings, after checking that it has the partition */
    CompletableFuture<TopicMeta> partition(String name, int partition, boolean create) {
        return topic(name, create).thenApply(meta -> {
            if (partition < 0 || partition >= meta.partitions()) {
                throw new PartitionOutOfRangeException(name, partition, meta.partitions());
            }
            return meta;
        });
    }

    /** @return the topic's cached settings, or null */
    TopicMeta cached(String name) {
        return topics.get(name);
    }

    /** Caches settings a member just answered with. */
    TopicMeta remember(TopicMeta meta) {
        topics.put(meta.name(), meta);
        return meta;
    }

    /** Forgets a topic's cached settings (deleted, or reported unknown). */
    void forget(String name) {
        topics.remove(name);
    }

    /** @return the answer, which forgets the topic's settings when it fails with {@link UnknownTopicException} */
    <T> CompletableFuture<T> forgettingUnknown(String topic, CompletableFuture<T> answer) {
        return answer.whenComplete((r, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnknownTopicException) {
                forget(topic);
            }
        });
    }

    /** @return the cluster partition log partition {@code partition} of the topic lives on */
    int clusterPartition(String topic, int partition) {
        return invoker.partitionId(topic + "#" + partition);
    }

    /**
     * @param timestamp the time to find the first offset at or after, or -1 for none
     * @return the partition's offsets as its owner answers them, indexed by {@link OffsetsOperation}'s constants
     */
    CompletableFuture<long[]> offsets(String topic, int partition, long timestamp, boolean create) {
        return forgettingUnknown(topic, partition(topic, partition, create).thenCompose(meta -> invoker
                .<long[]>onPartition(clusterPartition(topic, partition), new OffsetsOperation(meta, partition, timestamp))
                // a member's invocation future keeps the raw response where a plain future's thenCompose reads it; its own
                // thenApply hands on the answer itself
                .thenApply(offsets -> offsets)));
    }

    /** @return up to {@code maxRecords} records from {@code fromOffset}, waiting up to {@code maxWait} for the first */
    CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes, Duration maxWait,
                                        boolean create) {
        return read(topic, partition, fromOffset, maxRecords, maxBytes, maxWait, create, false);
    }

    /** As above; with {@code readCommitted} only committed transactions' records, up to the last stable offset. */
    CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes, Duration maxWait,
                                        boolean create, boolean readCommitted) {
        return forgettingUnknown(topic, partition(topic, partition, create).thenCompose(meta -> {
            CompletableFuture<ReadResponse> read = invoker.onPartition(clusterPartition(topic, partition),
                    new ReadOperation(meta, partition, fromOffset, maxBytes, maxWait.toMillis()).readCommitted(readCommitted));
            return read.thenApply(r -> DefaultGridLog.toFetchResult(topic, partition, fromOffset, maxRecords, r));
        }));
    }
}
