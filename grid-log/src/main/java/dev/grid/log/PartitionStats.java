package dev.grid.log;

/**
 * One log partition as its owner holds it, with what the owner appended to it: part of {@link LocalLogStats}.
 *
 * @param topic            the topic
 * @param partition        the partition's index
 * @param clusterPartition the cluster partition (Hazelcast's slot) it lives on
 * @param startOffset      its first offset still kept
 * @param highWatermark    the offset below which every in-sync replica holds the records (what readers see)
 * @param endOffset        the owner's log end offset
 * @param sizeBytes        bytes of its segment files on the owner
 * @param segments         its segment files on the owner
 * @param appendedRecords  records appended to it on this member while this member owned it (a new owner starts at 0)
 * @param appendedBytes    bytes of the batches those records came in
 * @param segmentsDeleted  segments this member deleted from it by retention
 * @since 0.1
 */
public record PartitionStats(String topic, int partition, int clusterPartition, long startOffset, long highWatermark, long endOffset,
                             long sizeBytes, int segments, long appendedRecords, long appendedBytes, long segmentsDeleted) {
}
