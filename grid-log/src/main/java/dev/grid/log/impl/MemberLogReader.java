package dev.grid.log.impl;

import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.log.FetchResult;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.ReadOptions;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.spi.MemberLog;
import dev.grid.log.impl.invoke.MemberLogInvoker;
import dev.grid.log.impl.operations.OffsetsOperation;
import dev.grid.log.impl.operations.ReadOperation;
import dev.grid.log.impl.operations.ReadResponse;
import dev.grid.log.impl.topic.TopicCall;
import dev.grid.log.impl.topic.TopicMeta;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A member's {@link MemberLog}: the same operations {@link DefaultGridLog} sends, invoked from this member (so they run
 * locally when it owns the partition). Topic settings are cached as {@link DefaultGridLog}
 * caches them.
 */
final class MemberLogReader implements MemberLog {
    private final MemberLogInvoker invoker;
    /** Topics' settings, cached after first use (they never change); dropped when an operation reports the topic unknown. */
    private final Map<String, TopicMeta> topics = new ConcurrentHashMap<>();

    MemberLogReader(NodeEngine nodeEngine) {
        this.invoker = new MemberLogInvoker(nodeEngine);
    }

    private TopicMeta topic(String topic) {
        TopicMeta cached = topics.get(topic);
        if (cached != null) {
            return cached;
        }
        TopicMeta meta = (TopicMeta) DefaultGridLog.join(invoker.onMember(TopicCall.find(topic, false)));
        topics.put(topic, meta);
        return meta;
    }

    private <T> CompletableFuture<T> forgetIfUnknown(String topic, CompletableFuture<T> answer) {
        return answer.whenComplete((r, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnknownTopicException) {
                topics.remove(topic);
            }
        });
    }

    private TopicMeta topic(String topic, int partition) {
        TopicMeta meta = topic(topic);
        if (partition < 0 || partition >= meta.partitions()) {
            throw new PartitionOutOfRangeException(topic, partition, meta.partitions());
        }
        return meta;
    }

    @Override
    public int partitions(String topic) {
        return topic(topic).partitions();
    }

    @Override
    public int clusterPartition(String topic, int partition) {
        return invoker.partitionId(topic + "#" + partition);
    }

    @Override
    public CompletableFuture<long[]> startAndHighWatermark(String topic, int partition) {
        TopicMeta meta = topic(topic, partition);
        CompletableFuture<long[]> offsets = invoker.onPartition(clusterPartition(topic, partition), new OffsetsOperation(meta, partition, -1));
        return forgetIfUnknown(topic, offsets).thenApply(o -> new long[] {o[OffsetsOperation.START], o[OffsetsOperation.HIGH_WATERMARK]});
    }

    @Override
    public CompletableFuture<OptionalLong> offsetForTimestamp(String topic, int partition, long timestampMillis) {
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp " + timestampMillis + " to seek " + topic + "-" + partition + " to is negative");
        }
        TopicMeta meta = topic(topic, partition);
        CompletableFuture<long[]> offsets = invoker.onPartition(clusterPartition(topic, partition),
                new OffsetsOperation(meta, partition, timestampMillis));
        return forgetIfUnknown(topic, offsets).thenApply(o -> o[OffsetsOperation.FOR_TIMESTAMP] < 0 ? OptionalLong.empty()
                : OptionalLong.of(o[OffsetsOperation.FOR_TIMESTAMP]));
    }

    @Override
    public CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                               Duration maxWait) {
        ReadOptions.check(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        TopicMeta meta = topic(topic, partition);
        CompletableFuture<ReadResponse> read = invoker.onPartition(clusterPartition(topic, partition),
                new ReadOperation(meta, partition, fromOffset, maxBytes, maxWait.toMillis()));
        return forgetIfUnknown(topic, read).thenApply(r -> DefaultGridLog.toFetchResult(topic, partition, fromOffset, maxRecords, r));
    }
}
