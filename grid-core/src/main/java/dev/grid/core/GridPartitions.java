package dev.grid.core;

import java.util.Optional;

/**
 * The cluster's partition table as seen from this grid.
 *
 * <p>A key is serialized with Hazelcast's serialization; its bytes are hashed with murmur3 into
 * one of {@link #count()} fixed slots (partitions), and each partition has one owner member,
 * plus backup replicas. A membership change moves only the partitions that must move.
 * The same key maps to the same partition on every member and every client.
 *
 * @since 0.1
 */
public interface GridPartitions {

    /** @return the number of partitions, fixed for the cluster's lifetime */
    int count();

    /**
     * @param key a key, as it would be passed to a map
     * @return the partition id of the key, in {@code [0, count())}
     * @throws NullPointerException if key is null
     */
    int partitionOf(Object key);

    /**
     * @param partitionId a partition id in {@code [0, count())}
     * @return the partition's current owner, empty while the partition has none
     *         (before the first assignment, or while the owner is leaving)
     * @throws IllegalArgumentException if partitionId is out of range
     */
    Optional<GridMember> ownerOf(int partitionId);

    /**
     * @param key a key, as it would be passed to a map
     * @return the current owner of the key's partition; see {@link #ownerOf(int)}
     */
    default Optional<GridMember> ownerOfKey(Object key) {
        return ownerOf(partitionOf(key));
    }

    /** @return owned partitions per current member */
    PartitionDistribution distribution();
}
