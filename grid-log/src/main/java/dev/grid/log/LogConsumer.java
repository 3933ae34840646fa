package dev.grid.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads records of its topics' partitions. In a group, the group's coordinator assigns each partition to
 * one member of the group at a time (sticky across rebalances), a member that stops calling {@link #poll}
 * or heartbeating loses its partitions after the session timeout, and committed offsets are kept in the
 * cluster (replicated like GridMap data), so delivery is at least once. Not thread-safe: one thread polls.
 */
public interface LogConsumer extends AutoCloseable {

    /**
     * @return the next records of the partitions assigned to this consumer, waiting up to {@code timeout} for some;
     *         with automatic commit, first commits the offsets of the records the previous poll returned
     */
    List<ConsumerRecord> poll(Duration timeout);

    /** Commits the position of every assigned partition (the offset after the last record polled) and waits. */
    void commitSync();

    /**
     * Commits the given offsets (the next record to process, per partition) and waits.
     *
     * @throws NotAssignedException naming the partition, if it is not assigned to this consumer
     */
    void commitSync(Map<TopicPartition, Long> offsets);

    /** @return the partitions assigned to this consumer now */
    Set<TopicPartition> assignment();

    /** @return the offset the next poll reads the partition from */
    long position(TopicPartition partition);

    /** Reads the partition from {@code offset} on the next poll. */
    void seek(TopicPartition partition, long offset);

    /** Reads every assigned partition from its start offset. */
    void seekToBeginning();

    /** Reads every assigned partition from its first record at or after the timestamp (its high watermark if none). */
    void seekToTimestamp(long timestampMillis);

    /** @return the group's member id of this consumer, or null outside a group */
    String memberId();

    /** Commits (with automatic commit), leaves the group so its partitions move at once, and releases the consumer. */
    @Override
    void close();
}
