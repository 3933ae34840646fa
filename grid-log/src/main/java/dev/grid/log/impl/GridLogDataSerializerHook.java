package dev.grid.log.impl;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import dev.grid.core.spi.ModuleIds;
import dev.grid.core.spi.SerializableTypes;
import dev.grid.log.impl.client.TxnLogCall;
import dev.grid.log.impl.group.GroupSerialization;
import dev.grid.log.impl.operations.AppendOperation;
import dev.grid.log.impl.operations.AppendResponse;
import dev.grid.log.impl.operations.BackupTruncatedOperation;
import dev.grid.log.impl.operations.DropTopicOperation;
import dev.grid.log.impl.operations.MigrationChunkOperation;
import dev.grid.log.impl.operations.OffsetsOperation;
import dev.grid.log.impl.operations.ReadOperation;
import dev.grid.log.impl.operations.ReadResponse;
import dev.grid.log.impl.operations.RepairFetchOperation;
import dev.grid.log.impl.operations.RepairFetchResponse;
import dev.grid.log.impl.operations.ReplicateOperation;
import dev.grid.log.impl.operations.TxnAbortOperation;
import dev.grid.log.impl.operations.TxnAppendOperation;
import dev.grid.log.impl.txn.LogTxnRecord;
import dev.grid.log.impl.topic.TopicCall;
import dev.grid.log.impl.topic.TopicMeta;

/**
 * Every {@code IdentifiedDataSerializable} class of grid-log, with its class id. Factory id {@link ModuleIds#LOG}'s
 * (-7302). Class ids 1-99: topics, partitions, replication; 100-149: consumer groups ({@link GroupSerialization}).
 * Never reuse or renumber an id once released.
 */
public final class GridLogDataSerializerHook implements DataSerializerHook {
    public static final int F_ID = ModuleIds.LOG.factoryId();

    public static final int TOPIC_META = 1;
    public static final int TOPIC_CALL = 2;
    public static final int APPEND = 3;
    public static final int APPEND_RESPONSE = 4;
    public static final int REPLICATE = 5;
    public static final int READ = 6;
    public static final int READ_RESPONSE = 7;
    public static final int OFFSETS = 8;
    public static final int DROP_TOPIC = 9;
    public static final int MIGRATION_CHUNK = 10;
    public static final int REPAIR_FETCH = 11;
    public static final int REPAIR_FETCH_RESPONSE = 12;
    public static final int BACKUP_TRUNCATED = 13;
    public static final int TXN_APPEND = 14;
    public static final int TXN_ABORT = 15;
    public static final int TXN_PARTITION_RECORD = 16;
    public static final int TXN_CLIENT_CALL = 17;

    @Override
    public int getFactoryId() {
        return F_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        SerializableTypes types = new SerializableTypes("grid-log", F_ID)
                .add(TOPIC_META, TopicMeta::new)
                .add(TOPIC_CALL, TopicCall::new)
                .add(APPEND, AppendOperation::new)
                .add(APPEND_RESPONSE, AppendResponse::new)
                .add(REPLICATE, ReplicateOperation::new)
                .add(READ, ReadOperation::new)
                .add(READ_RESPONSE, ReadResponse::new)
                .add(OFFSETS, OffsetsOperation::new)
                .add(DROP_TOPIC, DropTopicOperation::new)
                .add(MIGRATION_CHUNK, MigrationChunkOperation::new)
                .add(REPAIR_FETCH, RepairFetchOperation::new)
                .add(REPAIR_FETCH_RESPONSE, RepairFetchResponse::new)
                .add(BACKUP_TRUNCATED, BackupTruncatedOperation::new)
                .add(TXN_APPEND, TxnAppendOperation::new)
                .add(TXN_ABORT, TxnAbortOperation::new)
                .add(TXN_PARTITION_RECORD, LogTxnRecord::new)
                .add(TXN_CLIENT_CALL, TxnLogCall::new);
        return GroupSerialization.addTo(types).factory();
    }
}
