package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;

/** An operation on one key. */
public abstract class KeyOperation extends GridMapOperation {
    protected Data key;

    protected KeyOperation() {
    }

    protected KeyOperation(String name, Data key) {
        super(name);
        this.key = key;
    }

    /** @return the stored form of the key: its serialized bytes, partition hash included */
    protected final byte[] keyBytes() {
        return key.toByteArray();
    }

    /** @return the bytes as a Data response, or null */
    protected static Data data(byte[] bytes) {
        return bytes == null ? null : new HeapData(bytes);
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, key);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        key = IOUtil.readData(in);
    }
}
