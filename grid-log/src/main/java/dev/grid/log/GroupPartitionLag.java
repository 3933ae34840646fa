package dev.grid.log;

/**
 * How far a consumer group is behind in one partition, as the member that owns the group's cluster partition (and so
 * runs its coordinator) last measured it: part of {@link LocalLogStats}.
 *
 * @param group           the consumer group
 * @param topic           the topic
 * @param partition       the partition
 * @param committedOffset the group's committed offset (the next record it will process), or -1 if it has none
 * @param highWatermark   the partition's high watermark when it was measured
 * @param lag             records between the committed offset (or the start offset, if none or retention passed it)
 *                        and the high watermark, never negative; the same as {@link GridLog#lag(String, String)} gives
 * @since 0.1
 */
public record GroupPartitionLag(String group, String topic, int partition, long committedOffset, long highWatermark, long lag) {
}
