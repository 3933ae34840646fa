package dev.grid.core.impl;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.internal.serialization.impl.FactoryIdHelper;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
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
import dev.grid.core.impl.map.operations.MapOperationFactory;
import dev.grid.core.impl.map.operations.PutAllBackupOperation;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every {@code IdentifiedDataSerializable} class of grid-core, with its class id, in one place.
 * The factory id can be moved with the system property {@code grid.serialization.core.factory.id}
 * should it ever clash with another library's.
 */
public final class GridCoreDataSerializerHook implements DataSerializerHook {
    public static final int F_ID = FactoryIdHelper.getFactoryId("grid.serialization.core.factory.id", -7300);

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

    private static final int LAST = FENCED_WRITE;

    @Override
    public int getFactoryId() {
        return F_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        List<Supplier<IdentifiedDataSerializable>> constructors = new ArrayList<>(Collections.nCopies(LAST + 1, null));
        constructors.set(GET, GetOperation::new);
        constructors.set(CONTAINS_KEY, ContainsKeyOperation::new);
        constructors.set(PUT, PutOperation::new);
        constructors.set(SET, SetOperation::new);
        constructors.set(PUT_IF_ABSENT, PutIfAbsentOperation::new);
        constructors.set(REPLACE, ReplaceOperation::new);
        constructors.set(REPLACE_IF_SAME, ReplaceIfSameOperation::new);
        constructors.set(REMOVE, RemoveOperation::new);
        constructors.set(REMOVE_IF_SAME, RemoveIfSameOperation::new);
        constructors.set(DELETE, DeleteOperation::new);
        constructors.set(PUT_BACKUP, PutBackupOperation::new);
        constructors.set(REMOVE_BACKUP, RemoveBackupOperation::new);
        constructors.set(EXECUTE_ON_KEY, ExecuteOnKeyOperation::new);
        constructors.set(GET_ALL, GetAllOperation::new);
        constructors.set(PUT_ALL, PutAllOperation::new);
        constructors.set(PUT_ALL_BACKUP, PutAllBackupOperation::new);
        constructors.set(SIZE, SizeOperation::new);
        constructors.set(CLEAR, ClearOperation::new);
        constructors.set(CLEAR_BACKUP, ClearBackupOperation::new);
        constructors.set(FETCH_ENTRIES, FetchEntriesOperation::new);
        constructors.set(ENTRIES_RESPONSE, EntriesResponse::new);
        constructors.set(REPLICATION, ReplicationOperation::new);
        constructors.set(MAP_OPERATION_FACTORY, MapOperationFactory::new);
        constructors.set(FENCED_WRITE, FencedWriteOperation::new);
        return typeId -> {
            if (typeId <= 0 || typeId > LAST || constructors.get(typeId) == null) {
                throw new IllegalArgumentException("grid-core has no serializable type with class id " + typeId
                        + " (factory " + F_ID + "): is the sender running another grid version?");
            }
            return constructors.get(typeId).get();
        };
    }
}
