package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads several keys of one partition; responds with the entries found. */
public final class GetAllOperation extends GridMapOperation implements ReadonlyOperation {
    private List<byte[]> keys;
    private transient EntriesResponse found;

    public GetAllOperation() {
    }

    public GetAllOperation(String name, List<byte[]> keys) {
        super(name);
        this.keys = keys;
    }

    @Override
    public void run() {
        List<byte[]> foundKeys = new ArrayList<>();
        List<byte[]> foundValues = new ArrayList<>();
        PartitionStore store = storeOrNull();
        for (byte[] key : keys) {
            long start = System.nanoTime();
            byte[] value = store == null ? null : store.get(key);
            container().recordGet(value != null, System.nanoTime() - start);
            if (value != null) {
                foundKeys.add(key);
                foundValues.add(value);
            }
        }
        found = new EntriesResponse(foundKeys, foundValues);
    }

    @Override
    public Object getResponse() {
        return found;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.GET_ALL;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        EntriesResponse.writeByteArrays(out, keys);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        keys = EntriesResponse.readByteArrays(in);
    }
}
