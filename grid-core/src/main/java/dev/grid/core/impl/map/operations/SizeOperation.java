package dev.grid.core.impl.map.operations;

import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

/** The number of entries in one partition. */
public final class SizeOperation extends GridMapOperation implements ReadonlyOperation {
    private transient long size;

    public SizeOperation() {
    }

    public SizeOperation(String name) {
        super(name);
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        size = store == null ? 0 : store.size();
        container().recordOther();
    }

    @Override
    public Object getResponse() {
        return size;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.SIZE;
    }
}
