package dev.grid.monitor.impl.cluster;

import java.util.List;

/**
 * grid-log on one member, part of the member's {@link MemberView}: what it holds, what it appended, the log partitions it
 * owns and the lag of the consumer groups it coordinates (from {@code GridLog.localStats()}).
 *
 * @param ownedReplicas   log partition replicas it holds as owner
 * @param backupReplicas  log partition replicas it holds as a backup
 * @param diskUsed        bytes its replicas take on disk
 * @param diskBudget      {@code grid.log.diskBudget}, bytes (0: none)
 * @param appendedRecords records it appended as owner since it started
 * @param appendedBytes   bytes of those records' batches
 * @param partitions      the log partitions it owns, by topic and partition
 * @param groups          per consumer group it coordinates, topic and partition: committed offset and lag
 */
public record LogView(int ownedReplicas, int backupReplicas, long diskUsed, long diskBudget, long appendedRecords, long appendedBytes,
                      List<Partition> partitions, List<GroupLag> groups) {

    /** An empty view: a member without grid-log, or one whose view was written before the log was monitored. */
    public static final LogView NONE = new LogView(0, 0, 0, 0, 0, 0, List.of(), List.of());

    /**
     * A log partition on its owner. Rates are over the owner's last refresh interval.
     *
     * @param topic            the topic
     * @param partition        the partition's index
     * @param startOffset      first offset still kept
     * @param highWatermark    what readers see up to
     * @param endOffset        the owner's log end
     * @param sizeBytes        bytes of its segment files
     * @param segments         its segment files
     * @param appendedRecords  records appended while this member owned it
     * @param appendedBytes    bytes of those records' batches
     * @param segmentsDeleted  segments deleted by retention on this member
     * @param recordsPerSecond records appended per second
     * @param bytesPerSecond   bytes appended per second
     */
    public record Partition(String topic, int partition, long startOffset, long highWatermark, long endOffset, long sizeBytes, int segments,
                            long appendedRecords, long appendedBytes, long segmentsDeleted, double recordsPerSecond, double bytesPerSecond) {
    }

    /**
     * A consumer group's position in one partition, as its coordinator's member measured it.
     *
     * @param group           the group
     * @param topic           the topic
     * @param partition       the partition
     * @param committedOffset its committed offset, -1 if none
     * @param highWatermark   the partition's high watermark when measured
     * @param lag             records it has yet to process
     */
    public record GroupLag(String group, String topic, int partition, long committedOffset, long highWatermark, long lag) {
    }
}
