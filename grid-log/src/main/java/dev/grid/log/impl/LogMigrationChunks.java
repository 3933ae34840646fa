package dev.grid.log.impl;

import com.hazelcast.internal.partition.ChunkSupplier;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.impl.operations.MigrationChunkOperation;
import dev.grid.log.impl.repair.PartitionRepairingException;
import dev.grid.log.impl.repair.ReplicaRepairs;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.storage.CorruptLogException;
import dev.grid.log.impl.storage.LogBatch;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Copies one log partition replica to a new replica in chunks of about 1 MiB of batches, on the source's partition
 * thread: first its start offset, epochs, high watermark and producer states, then its batches in order. Mutating
 * operations on the partition wait while Hazelcast migrates it, so the log does not grow under the copy.
 *
 * <p>A replica being repaired is not copied, and a copy that meets a bad batch hands it to {@link ReplicaRepairs} (the
 * owner rebuilds its log from a backup): either way the chunk fails with a retryable error, the migration fails and
 * Hazelcast tries it again later, rather than copying a log with a hole or a bad batch.
 */
final class LogMigrationChunks implements ChunkSupplier {
    private final PartitionLog replica;
    private final int clusterPartition;
    private final int replicaIndex;
    private final NodeEngine nodeEngine;
    private final ReplicaRepairs repairs;
    private final long repairsBegun;
    private boolean first = true;
    private long next;
    private final long end;

    LogMigrationChunks(PartitionLog replica, int clusterPartition, int replicaIndex, NodeEngine nodeEngine, ReplicaRepairs repairs) {
        this.replica = replica;
        this.clusterPartition = clusterPartition;
        this.replicaIndex = replicaIndex;
        this.nodeEngine = nodeEngine;
        this.repairs = repairs;
        this.repairsBegun = replica.repairsBegun();
        this.next = replica.log().startOffset();
        this.end = replica.log().endOffset();
    }

    @Override
    public boolean hasNext() {
        return first || next < end;
    }

    @Override
    public Operation next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (replica.repairing() || replica.repairsBegun() != repairsBegun) {
            // repaired since the copy began: its first chunk described another log
            throw repairs.repairing(replica);
        }
        MigrationChunkOperation op;
        if (first) {
            first = false;
            op = MigrationChunkOperation.first(replica.meta(), replica.partition(), replica.log().startOffset(), replica.epoch(),
                    replica.epochs(), replica.highWatermark(), replica.producers().snapshot());
            if (next >= end) {
                op.markLast();
            }
        } else {
            List<LogBatch> batches;
            try {
                batches = replica.log().readBatches(Math.max(next, replica.log().startOffset()), PartitionLog.MAX_REPLICATION_BYTES);
            } catch (CorruptLogException e) {
                repairs.corruptLater(replica, e, "a migration copy");
                throw new PartitionRepairingException(replica.topic() + "-" + replica.partition() + ": the copy for a migration met a bad batch ("
                        + e.getMessage() + "); the partition is repaired first and the migration tried again", e);
            }
            if (batches.isEmpty()) {
                next = end;
            } else {
                next = batches.get(batches.size() - 1).nextOffset();
            }
            op = MigrationChunkOperation.batches(replica.meta(), replica.partition(), batches, next >= end);
        }
        op.setPartitionId(clusterPartition).setReplicaIndex(replicaIndex).setNodeEngine(nodeEngine);
        return op;
    }
}
