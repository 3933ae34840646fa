package dev.grid.log;

/**
 * One partition of a topic as its owner sees it.
 *
 * @param partition        the partition's index
 * @param clusterPartition the cluster partition (Hazelcast's slot) it lives on, which decides its owner and backups
 * @param owner            the owner's address, or null if the cluster partition has no owner yet
 * @param startOffset      its first offset still kept
 * @param highWatermark    the offset below which records are held by every in-sync replica (what readers see)
 * @param endOffset        the owner's log end offset (records above the high watermark wait for backups)
 * @param sizeBytes        the bytes its segment files take on the owner
 * @param segments         how many segment files it has on the owner
 */
public record PartitionInfo(int partition, int clusterPartition, String owner, long startOffset, long highWatermark, long endOffset,
                            long sizeBytes, int segments) {
}
