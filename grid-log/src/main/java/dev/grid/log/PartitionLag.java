package dev.grid.log;

/**
 * How far a consumer group is behind in one partition.
 *
 * @param topic           the topic
 * @param partition       the partition
 * @param committedOffset the group's committed offset (the next record it will process), or -1 if it has none
 * @param highWatermark   the partition's high watermark
 * @param lag             records between the committed offset (or the start offset, if none) and the high watermark
 */
public record PartitionLag(String topic, int partition, long committedOffset, long highWatermark, long lag) {
}
