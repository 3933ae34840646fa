package dev.grid.log.impl.operations;

import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.spi.exception.PartitionMigratingException;
import com.hazelcast.spi.impl.operationservice.Operation;

/**
 * Refuses a writing operation while its partition migrates, as Hazelcast refuses every operation that is not a
 * {@link com.hazelcast.spi.impl.operationservice.ReadonlyOperation}. The transactional log operations carry that mark
 * to be sent again rather than failed when their owner dies (see {@link TxnAppendOperation}), and the mark also lets
 * Hazelcast run them during a migration: a batch or a commit marker written on the old owner after the partition's
 * data was copied would be missing on the new owner, and the replicas that took it would cut it as a divergent tail.
 * {@link PartitionMigratingException} is retryable: the invocation sends the operation again, to the new owner once
 * the migration is over.
 */
final class MigrationGuard {
    private MigrationGuard() {
    }

    static void refuseWhileMigrating(Operation op) {
        InternalPartitionService partitions = (InternalPartitionService) op.getNodeEngine().getPartitionService();
        InternalPartition partition = partitions.getPartition(op.getPartitionId());
        if (partition.isMigrating()) {
            throw new PartitionMigratingException(op.getNodeEngine().getThisAddress(), op.getPartitionId(),
                    op.getClass().getName(), op.getServiceName());
        }
    }
}
