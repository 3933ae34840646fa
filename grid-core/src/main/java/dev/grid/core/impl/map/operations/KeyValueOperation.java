package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Operation;

import java.io.IOException;

/** A write of a value to a key; its backup stores the key's resulting value. */
public abstract class KeyValueOperation extends MutatingKeyOperation {
    protected Data value;

    protected KeyValueOperation() {
    }

    protected KeyValueOperation(String name, Data key, Data value) {
        super(name, key);
        this.value = value;
    }

    /** Stores the value (the size already checked) and records the write; @return the previous value bytes. */
    protected final byte[] store(byte[] keyBytes) {
        long start = System.nanoTime();
        byte[] previous = store().put(keyBytes, value.toByteArray());
        changed = true;
        container().recordPut(System.nanoTime() - start);
        return previous;
    }

    /** Stores the value (the size already checked) and records the write, without reading the previous value. */
    protected final void set(byte[] keyBytes) {
        long start = System.nanoTime();
        store().set(keyBytes, value.toByteArray());
        changed = true;
        container().recordPut(System.nanoTime() - start);
    }

    @Override
    protected void checkArguments() {
        checkValueSize(value);
    }

    @Override
    public Operation getBackupOperation() {
        return new PutBackupOperation(name, key, value);
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, value);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        value = IOUtil.readData(in);
    }
}
