package dev.grid.log.impl.operations;

import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.topic.TopicMeta;

/**
 * Sent by a backup that cut a corrupt tail off its log to the partition's owner (replica index 0): the owner forgets
 * what it knew of that backup's log end, asks again and refills it from there by its replication. No answer.
 */
public final class BackupTruncatedOperation extends LogOperation {

    public BackupTruncatedOperation() {
    }

    public BackupTruncatedOperation(TopicMeta topic, int logPartition) {
        super(topic, logPartition);
    }

    @Override
    public void run() {
        service().backupTruncated(topic, logPartition, getCallerUuid());
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.BACKUP_TRUNCATED;
    }
}
