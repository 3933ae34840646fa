package dev.grid.log.impl;

import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.log.FetchResult;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ReadOptions;
import dev.grid.log.spi.MemberLog;
import dev.grid.log.impl.invoke.MemberLogInvoker;
import dev.grid.log.impl.operations.OffsetsOperation;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A member's {@link MemberLog}: the reads {@link DefaultGridLog} makes, invoked from this member (so they run locally when
 * it owns the partition), through {@link TopicReads}. It never creates a topic.
 */
final class MemberLogReader implements MemberLog {
    private final TopicReads reads;

    MemberLogReader(NodeEngine nodeEngine) {
        this.reads = new TopicReads(new MemberLogInvoker(nodeEngine));
    }

    @Override
    public int partitions(String topic) {
        return DefaultGridLog.join(reads.topic(topic, false)).partitions();
    }

    @Override
    public int clusterPartition(String topic, int partition) {
        return reads.clusterPartition(topic, partition);
    }

    /** Fails here, not in the answer, for a topic or partition that does not exist (as {@link MemberLog} promises). */
    private void check(String topic, int partition) {
        DefaultGridLog.join(reads.partition(topic, partition, false));
    }

    @Override
    public CompletableFuture<long[]> startAndHighWatermark(String topic, int partition) {
        check(topic, partition);
        return reads.offsets(topic, partition, -1, false)
                .thenApply(o -> new long[] {o[OffsetsOperation.START], o[OffsetsOperation.HIGH_WATERMARK]});
    }

    @Override
    public CompletableFuture<OptionalLong> offsetForTimestamp(String topic, int partition, long timestampMillis) {
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp " + timestampMillis + " to seek " + topic + "-" + partition + " to is negative");
        }
        check(topic, partition);
        return reads.offsets(topic, partition, timestampMillis, false).thenApply(o -> o[OffsetsOperation.FOR_TIMESTAMP] < 0
                ? OptionalLong.empty() : OptionalLong.of(o[OffsetsOperation.FOR_TIMESTAMP]));
    }

    @Override
    public CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                               Duration maxWait) {
        ReadOptions.check(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        check(topic, partition);
        return reads.read(topic, partition, fromOffset, maxRecords, maxBytes, maxWait, false);
    }

    @Override
    public CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                               Duration maxWait, IsolationLevel isolation) {
        ReadOptions.check(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        check(topic, partition);
        return reads.read(topic, partition, fromOffset, maxRecords, maxBytes, maxWait, false,
                java.util.Objects.requireNonNull(isolation, "isolation") == IsolationLevel.READ_COMMITTED);
    }
}
