package dev.grid.log.impl.group;

import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.TopicPartition;

import java.util.Map;

/**
 * A group operation that may change the group's replicated record (members, committed offsets): when it did
 * ({@link #shouldBackup()}), the group's backups get the record, and the offsets it committed, as the group service's
 * backup counts say.
 */
abstract class GroupRecordChangingOperation extends GroupOperation implements BackupAwareOperation, MutatingOperation {
    GroupRecordChangingOperation() {
    }

    GroupRecordChangingOperation(String group) {
        super(group);
    }

    /** @return the offsets this operation committed, for the backups (none by default) */
    Map<TopicPartition, Long> committedOffsets() {
        return Map.of();
    }

    @Override
    public final int getSyncBackupCount() {
        return service().syncBackups();
    }

    @Override
    public final int getAsyncBackupCount() {
        return service().asyncBackups();
    }

    @Override
    public final Operation getBackupOperation() {
        return GroupBackupOperation.of(service().record(getPartitionId(), group), committedOffsets());
    }
}
