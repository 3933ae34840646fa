package dev.grid.log.impl.repair;

import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.replica.ReplicaTarget;

import java.util.Collection;
import java.util.List;

/** What the repairs need of the member's log service: its replicas, the partition table, partition threads. */
public interface ReplicaHost {
    /** @return this member's replica of the log partition, or null */
    PartitionLog replicaOrNull(String topic, int partition);

    /** @return every replica this member holds now (a snapshot) */
    Collection<PartitionLog> replicas();

    /** @return the cluster partition's backups as the partition table names them now */
    List<ReplicaTarget> targets(int clusterPartition);

    /** Runs {@code task} on the cluster partition's thread (later, never inline). */
    void onPartitionThread(int clusterPartition, Runnable task);

    /** Has the owner of the cluster partition's log partitions push to its backups soon. */
    void replicateSoon(int clusterPartition);
}
