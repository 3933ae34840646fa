package dev.grid.log.spi;

import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.spi.MemberContext;
import dev.grid.log.FetchResult;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.UnknownTopicException;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The log as member-side code of other modules sees it, without a {@link dev.grid.core.Grid}: where a log partition
 * lives, and reads that run as operations on its cluster partition. Called on the member that owns the cluster
 * partition, a read runs there, on the partition's thread, and nothing crosses the network. grid-log's service
 * registers one per member in its {@link MemberContext}.
 *
 * @since 0.1
 */
public interface MemberLog {

    /**
     * @param member a member's Hazelcast instance
     * @return that member's log
     * @throws IllegalStateException if grid-log does not run on the member
     */
    static MemberLog of(HazelcastInstance member) {
        return MemberContext.of(member).service(MemberLog.class);
    }

    /**
     * @return how many partitions the topic has
     * @throws UnknownTopicException naming the topic (never creates it)
     */
    int partitions(String topic);

    /** @return the cluster partition (Hazelcast's slot) log partition {@code partition} of the topic lives on */
    int clusterPartition(String topic, int partition);

    /**
     * @return the partition's {@code {startOffset, highWatermark}} as its owner answers now
     * @throws UnknownTopicException         naming the topic
     * @throws PartitionOutOfRangeException naming the topic and the range
     */
    CompletableFuture<long[]> startAndHighWatermark(String topic, int partition);

    /**
     * @return the first offset whose record's timestamp is at or after {@code timestampMillis} (every record before
     *         it is older), or empty if no record below the high watermark is that recent
     */
    CompletableFuture<OptionalLong> offsetForTimestamp(String topic, int partition, long timestampMillis);

    /**
     * Reads a partition from an offset, as {@link dev.grid.log.GridLog#readAsync} does: only records below the high
     * watermark; waits up to {@code maxWait} for one when none is there.
     */
    CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes, Duration maxWait);

    /**
     * As {@link #read(String, int, long, int, int, Duration)}, at an isolation level: with
     * {@link dev.grid.log.IsolationLevel#READ_COMMITTED} only committed transactions' records and non-transactional
     * ones, up to the partition's last stable offset (the result's high watermark); follow
     * {@link FetchResult#nextOffset(long)}, which passes over markers and aborted records.
     */
    default CompletableFuture<FetchResult> read(String topic, int partition, long fromOffset, int maxRecords, int maxBytes, Duration maxWait,
                                                dev.grid.log.IsolationLevel isolation) {
        if (isolation == dev.grid.log.IsolationLevel.READ_UNCOMMITTED) {
            return read(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        }
        throw new UnsupportedOperationException("this MemberLog (" + getClass().getName() + ") has no " + isolation + " reads");
    }
}
