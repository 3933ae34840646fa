package dev.grid.log.impl.consumer;

import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.TopicPartition;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A consumer's reading of one assigned partition: its position (the next offset poll returns), the records read but
 * not returned yet, and the one read outstanding. Confined to the polling thread.
 */
final class PartitionFetch {
    final TopicPartition partition;
    /** The offset of the next record poll returns: the offset after the last one returned. */
    long position;
    /** The last offset committed for this partition by this consumer, or -1. */
    long committed = -1;
    final ArrayDeque<ConsumerRecord> buffered = new ArrayDeque<>();
    /** Offsets after the buffered records that a read passed over (transaction markers, aborted records), or -1. */
    long skipTo = -1;
    /** The outstanding read, or null. */
    CompletableFuture<FetchResult> inflight;
    /** The offset the outstanding read started from. */
    long inflightFrom;
    /** No read before this time (after a failed one), in the clock's nanoseconds. */
    long retryAt;
    boolean retryPending;

    PartitionFetch(TopicPartition partition, long position) {
        this.partition = partition;
        this.position = position;
    }

    /** @return the offset the next read starts from: after what is buffered */
    long fetchFrom() {
        return Math.max(buffered.isEmpty() ? position : buffered.peekLast().offset() + 1, skipTo);
    }

    /** Once every buffered record is returned, the position moves past the offsets the reads passed over. */
    void passSkipped() {
        if (buffered.isEmpty() && skipTo > position) {
            position = skipTo;
        }
    }

    /** Reads from {@code offset} on: forgets what is buffered and the outstanding read's answer. */
    void seek(long offset) {
        position = offset;
        skipTo = -1;
        buffered.clear();
        inflight = null;
        retryPending = false;
    }

    @Override
    public String toString() {
        return partition + "@" + position;
    }
}
