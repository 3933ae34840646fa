package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.Arrays;

/** Replaces the value if the key holds exactly the expected bytes; responds true if it did. */
public final class ReplaceIfSameOperation extends KeyValueOperation {
    private Data expected;

    public ReplaceIfSameOperation() {
    }

    public ReplaceIfSameOperation(String name, Data key, Data expected, Data value) {
        super(name, key, value);
        this.expected = expected;
    }

    @Override
    public void run() {
        PartitionStore store = storeOrNull();
        byte[] keyBytes = keyBytes();
        byte[] current = store == null ? null : store.get(keyBytes);
        if (current != null && Arrays.equals(current, expected.toByteArray())) {
            store(keyBytes);
            captureChange("replace", keyBytes, value.toByteArray());
        }
    }

    @Override
    public Object getResponse() {
        return changed;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REPLACE_IF_SAME;
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
