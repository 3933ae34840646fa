package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.spi.exception.PartitionMigratingException;
import com.hazelcast.spi.impl.operationservice.Operation;

/**
 * Refuses a writing operation while its partition migrates, as Hazelcast refuses every operation that is not a
 * {@link com.hazelcast.spi.impl.operationservice.ReadonlyOperation}. A transaction's commit and rollback carry that mark
 * so that Hazelcast sends them again to the new owner when the owner dies while running them (see
 * {@link TxnCommitOperation}); the mark also lets Hazelcast run them during a migration, after the partition's data was
 * copied, which this guard refuses. {@link PartitionMigratingException} is retryable: the invocation sends the operation
 * again, to the new owner once the migration is over.
 */
final class MigrationGuard {
    private MigrationGuard() {
    }

    static void refuseWhileMigrating(Operation op) {
        InternalPartitionService partitions = (InternalPartitionService) op.getNodeEngine().getPartitionService();
        if (partitions.getPartition(op.getPartitionId()).isMigrating()) {
            throw new PartitionMigratingException(op.getNodeEngine().getThisAddress(), op.getPartitionId(), op.getClass().getName(),
                    op.getServiceName());
        }
    }
}
