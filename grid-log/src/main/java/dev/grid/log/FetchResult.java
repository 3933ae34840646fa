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
 *                       the only ones a reader sees
 */
public record FetchResult(String topic, int partition, List<ConsumerRecord> records, long startOffset, long highWatermark) {

    /** @return the offset to read next: after the last record read, or {@code from} if none was */
    public long nextOffset(long from) {
        return records.isEmpty() ? from : records.get(records.size() - 1).offset() + 1;
    }
}
