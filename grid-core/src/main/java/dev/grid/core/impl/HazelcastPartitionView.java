package dev.grid.core.impl;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import dev.grid.core.GridMember;
import dev.grid.core.GridPartitions;
import dev.grid.core.PartitionDistribution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The partition view over Hazelcast's partition service; the same code serves members and clients.
 */
final class HazelcastPartitionView implements GridPartitions {
    private final HazelcastInstance hazelcast;
    private final PartitionService partitionService;
    /** Hazelcast's partition proxies by id; they are live views, so one array serves for ever. */
    private volatile Partition[] partitionsById;

    HazelcastPartitionView(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.partitionService = hazelcast.getPartitionService();
    }

    @Override
    public int count() {
        return partitions().length;
    }

    @Override
    public int partitionOf(Object key) {
        Objects.requireNonNull(key, "key");
        return partitionService.getPartition(key).getPartitionId();
    }

    @Override
    public Optional<GridMember> ownerOf(int partitionId) {
        int count = count();
        if (partitionId < 0 || partitionId >= count) {
            throw new IllegalArgumentException("partitionId must be between 0 and " + (count - 1) + ", was " + partitionId);
        }
        return owner(partition(partitionId));
    }

    @Override
    public PartitionDistribution distribution() {
        Map<GridMember, Integer> owned = new LinkedHashMap<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            owned.put(HazelcastGrid.toGridMember(member), 0);
        }
        Partition[] partitions = partitions();
        for (Partition partition : partitions) {
            owner(partition).ifPresent(member -> owned.merge(member, 1, Integer::sum));
        }
        return new PartitionDistribution(partitions.length, owned);
    }

    private Partition partition(int partitionId) {
        return partitions()[partitionId];
    }

    private Partition[] partitions() {
        Partition[] partitions = partitionsById;
        if (partitions == null) {
            Set<Partition> all = partitionService.getPartitions();
            partitions = new Partition[all.size()];
            for (Partition partition : all) {
                partitions[partition.getPartitionId()] = partition;
            }
            if (partitions.length > 0) {
                partitionsById = partitions;
            }
        }
        return partitions;
    }

    private static Optional<GridMember> owner(Partition partition) {
        Member owner = partition.getOwner();
        return owner == null ? Optional.empty() : Optional.of(HazelcastGrid.toGridMember(owner));
    }
}
