package dev.grid.log;

import java.util.List;

/**
 * The answer to one read of a partition.
 *
 * @param topic          the topic
 * @param partition      the partition
 * @param records        the records read, in offset order (empty when none arrived in time)
 * @param startOffset    the partition's first offset still kept
 * @param highWatermark  the offset after the last record every in-sync replica holds: records below it are
 *                       the only ones a reader sees. For a {@link IsolationLevel#READ_COMMITTED} read, the last
 *                       stable offset: the first offset of the oldest open transaction, if below the high watermark
 * @param skippedTo      the offset after the offsets the read passed over without returning them (transaction
 *                       markers, records of aborted transactions for {@code read_committed}), or -1 if none
 */
public record FetchResult(String topic, int partition, List<ConsumerRecord> records, long startOffset, long highWatermark,
                          long skippedTo) {

    /** A read that passed over nothing. */
    public FetchResult(String topic, int partition, List<ConsumerRecord> records, long startOffset, long highWatermark) {
        this(topic, partition, records, startOffset, highWatermark, -1);
    }

    /**
     * @return the offset to read next: after the last record read or the last offset passed over (a transaction's
     *         marker or aborted records take offsets but are not returned), or {@code from} if neither
     */
    public long nextOffset(long from) {
        long next = records.isEmpty() ? from : records.get(records.size() - 1).offset() + 1;
        return Math.max(next, skippedTo);
    }
}
