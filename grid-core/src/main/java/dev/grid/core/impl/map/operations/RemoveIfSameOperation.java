package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.Arrays;

/** Removes the key if it holds exactly the expected bytes; responds true if it did. */
public final class RemoveIfSameOperation extends KeyRemovingOperation {
    private Data expected;

    public RemoveIfSameOperation() {
    }

    public RemoveIfSameOperation(String name, Data key, Data expected) {
        super(name, key);
        this.expected = expected;
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        byte[] keyBytes = keyBytes();
        byte[] current = store == null ? null : store.get(keyBytes);
        if (current != null && Arrays.equals(current, expected.toByteArray())) {
            removeStored(keyBytes);
            captureChange("remove", keyBytes, null);
        }
    }

    @Override
    public Object getResponse() {
        return changed;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REMOVE_IF_SAME;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, expected);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        expected = IOUtil.readData(in);
    }
}
