package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every entry (or every key) of one partition, for iteration partition by partition. */
public final class FetchEntriesOperation extends GridMapOperation implements ReadonlyOperation {
    private boolean keysOnly;
    private transient EntriesResponse entries;

    public FetchEntriesOperation() {
    }

    public FetchEntriesOperation(String name, boolean keysOnly) {
        super(name);
        this.keysOnly = keysOnly;
    }

    @Override
    public void run() {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = keysOnly ? null : new ArrayList<>();
        PartitionStore store = storeOrNull();
        if (store != null) {
            store.forEach((key, value) -> {
                keys.add(key);
                if (values != null) {
                    values.add(value);
                }
            });
        }
        container().recordOther();
        entries = new EntriesResponse(keys, values);
    }

    @Override
    public Object getResponse() {
        return entries;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.FETCH_ENTRIES;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeBoolean(keysOnly);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        keysOnly = in.readBoolean();
    }
}
