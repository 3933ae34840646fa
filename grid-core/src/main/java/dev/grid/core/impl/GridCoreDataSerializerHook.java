package dev.grid.core.impl;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import dev.grid.core.impl.map.operations.AddIndexBackupOperation;
import dev.grid.core.impl.map.operations.AddIndexOperation;
import dev.grid.core.impl.map.operations.ClearBackupOperation;
import dev.grid.core.impl.map.operations.ClearOperation;
import dev.grid.core.impl.map.operations.ContainsKeyOperation;
import dev.grid.core.impl.map.operations.DeleteOperation;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.ExecuteOnKeyOperation;
import dev.grid.core.impl.map.operations.FencedWriteOperation;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;
import dev.grid.core.impl.map.operations.GetAllOperation;
import dev.grid.core.impl.map.operations.GetOperation;
import dev.grid.core.impl.map.operations.IndexDefinitionsOperation;
import dev.grid.core.impl.map.operations.MapOperationFactory;
import dev.grid.core.impl.map.operations.PutAllBackupOperation;
import dev.grid.core.impl.map.operations.MemberQueryOperation;
import dev.grid.core.impl.map.operations.MemberQueryResult;
import dev.grid.core.impl.map.operations.QueryOperation;
import dev.grid.core.impl.map.operations.QueryOperationFactory;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.impl.map.operations.PutAllOperation;
import dev.grid.core.impl.map.operations.PutBackupOperation;
import dev.grid.core.impl.map.operations.PutIfAbsentOperation;
import dev.grid.core.impl.map.operations.PutOperation;
import dev.grid.core.impl.map.operations.RemoveBackupOperation;
import dev.grid.core.impl.map.operations.RemoveIfSameOperation;
import dev.grid.core.impl.map.operations.RemoveOperation;
import dev.grid.core.impl.map.operations.ReplaceIfSameOperation;
import dev.grid.core.impl.map.operations.ReplaceOperation;
import dev.grid.core.impl.map.operations.ReplicationOperation;
import dev.grid.core.impl.map.operations.SetOperation;
import dev.grid.core.impl.map.operations.SizeOperation;
import dev.grid.core.impl.map.operations.TxnCommitBackupOperation;
import dev.grid.core.impl.map.operations.TxnCommitOperation;
import dev.grid.core.impl.map.operations.TxnLockAndGetOperation;
import dev.grid.core.impl.map.operations.TxnLockResult;
import dev.grid.core.impl.map.operations.TxnPrepareBackupOperation;
import dev.grid.core.impl.map.operations.TxnPrepareOperation;
import dev.grid.core.impl.map.operations.TxnRollbackBackupOperation;
import dev.grid.core.impl.map.operations.TxnRollbackOperation;
import dev.grid.core.impl.map.tx.GridMapTxnLogRecord;
import dev.grid.core.spi.ModuleIds;
import dev.grid.core.spi.SerializableTypes;

/**
 * Every {@code IdentifiedDataSerializable} class of grid-core, with its class id, in one place.
 * The factory id can be moved with the system property {@code grid.serialization.core.factory.id}
 * should it ever clash with another library's.
 */
public final class GridCoreDataSerializerHook implements DataSerializerHook {
    public static final int F_ID = ModuleIds.CORE.factoryId();

    public static final int GET = 1;
    public static final int CONTAINS_KEY = 2;
    public static final int PUT = 3;
    public static final int SET = 4;
    public static final int PUT_IF_ABSENT = 5;
    public static final int REPLACE = 6;
    public static final int REPLACE_IF_SAME = 7;
    public static final int REMOVE = 8;
    public static final int REMOVE_IF_SAME = 9;
    public static final int DELETE = 10;
    public static final int PUT_BACKUP = 11;
    public static final int REMOVE_BACKUP = 12;
    public static final int EXECUTE_ON_KEY = 13;
    public static final int GET_ALL = 14;
    public static final int PUT_ALL = 15;
    public static final int PUT_ALL_BACKUP = 16;
    public static final int SIZE = 17;
    public static final int CLEAR = 18;
    public static final int CLEAR_BACKUP = 19;
    public static final int FETCH_ENTRIES = 20;
    public static final int ENTRIES_RESPONSE = 21;
    public static final int REPLICATION = 22;
    public static final int MAP_OPERATION_FACTORY = 23;
    public static final int FENCED_WRITE = 24;
    public static final int TXN_LOCK_AND_GET = 25;
    public static final int TXN_LOCK_RESULT = 26;
    public static final int TXN_PREPARE = 27;
    public static final int TXN_PREPARE_BACKUP = 28;
    public static final int TXN_COMMIT = 29;
    public static final int TXN_COMMIT_BACKUP = 30;
    public static final int TXN_ROLLBACK = 31;
    public static final int TXN_ROLLBACK_BACKUP = 32;
    public static final int TXN_LOG_RECORD = 33;
    public static final int QUERY_SPEC = 34;
    public static final int QUERY_RESULT = 35;
    public static final int QUERY = 36;
    public static final int QUERY_OPERATION_FACTORY = 37;
    public static final int ADD_INDEX = 38;
    public static final int ADD_INDEX_BACKUP = 39;
    public static final int INDEX_DEFINITIONS = 40;
    public static final int MEMBER_QUERY = 41;
    public static final int MEMBER_QUERY_RESULT = 42;


    @Override
    public int getFactoryId() {
        return F_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return new SerializableTypes("grid-core", F_ID)
                .add(GET, GetOperation::new)
                .add(CONTAINS_KEY, ContainsKeyOperation::new)
                .add(PUT, PutOperation::new)
                .add(SET, SetOperation::new)
                .add(PUT_IF_ABSENT, PutIfAbsentOperation::new)
                .add(REPLACE, ReplaceOperation::new)
                .add(REPLACE_IF_SAME, ReplaceIfSameOperation::new)
                .add(REMOVE, RemoveOperation::new)
                .add(REMOVE_IF_SAME, RemoveIfSameOperation::new)
                .add(DELETE, DeleteOperation::new)
                .add(PUT_BACKUP, PutBackupOperation::new)
                .add(REMOVE_BACKUP, RemoveBackupOperation::new)
                .add(EXECUTE_ON_KEY, ExecuteOnKeyOperation::new)
                .add(GET_ALL, GetAllOperation::new)
                .add(PUT_ALL, PutAllOperation::new)
                .add(PUT_ALL_BACKUP, PutAllBackupOperation::new)
                .add(SIZE, SizeOperation::new)
                .add(CLEAR, ClearOperation::new)
                .add(CLEAR_BACKUP, ClearBackupOperation::new)
                .add(FETCH_ENTRIES, FetchEntriesOperation::new)
                .add(ENTRIES_RESPONSE, EntriesResponse::new)
                .add(REPLICATION, ReplicationOperation::new)
                .add(MAP_OPERATION_FACTORY, MapOperationFactory::new)
                .add(FENCED_WRITE, FencedWriteOperation::new)
                .add(TXN_LOCK_AND_GET, TxnLockAndGetOperation::new)
                .add(TXN_LOCK_RESULT, TxnLockResult::new)
                .add(TXN_PREPARE, TxnPrepareOperation::new)
                .add(TXN_PREPARE_BACKUP, TxnPrepareBackupOperation::new)
                .add(TXN_COMMIT, TxnCommitOperation::new)
                .add(TXN_COMMIT_BACKUP, TxnCommitBackupOperation::new)
                .add(TXN_ROLLBACK, TxnRollbackOperation::new)
                .add(TXN_ROLLBACK_BACKUP, TxnRollbackBackupOperation::new)
                .add(TXN_LOG_RECORD, GridMapTxnLogRecord::new)
                .add(QUERY_SPEC, QuerySpec::new)
                .add(QUERY_RESULT, QueryResult::new)
                .add(QUERY, QueryOperation::new)
                .add(QUERY_OPERATION_FACTORY, QueryOperationFactory::new)
                .add(ADD_INDEX, AddIndexOperation::new)
                .add(ADD_INDEX_BACKUP, AddIndexBackupOperation::new)
                .add(INDEX_DEFINITIONS, IndexDefinitionsOperation::new)
                .add(MEMBER_QUERY, MemberQueryOperation::new)
                .add(MEMBER_QUERY_RESULT, MemberQueryResult::new)
                .factory();
    }
}
