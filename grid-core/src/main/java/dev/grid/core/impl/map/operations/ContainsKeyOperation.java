package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

/** Whether the key is present. */
public final class ContainsKeyOperation extends KeyOperation implements ReadonlyOperation {
    private transient boolean contains;

    public ContainsKeyOperation() {
    }

    public ContainsKeyOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        contains = store != null && store.containsKey(keyBytes());
        container().recordOther();
    }

    @Override
    public Object getResponse() {
        return contains;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.CONTAINS_KEY;
    }
}
