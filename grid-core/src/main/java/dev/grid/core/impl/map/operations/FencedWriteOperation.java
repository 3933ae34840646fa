package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;

/**
 * A write that carries a lock fence: on the key's owner, atomically, it is refused if a higher fence
 * was already applied to the key; otherwise the value is stored (or the key removed, when value is
 * null) and the key's highest fence raised. Responds with the previous value.
 */
public final class FencedWriteOperation extends MutatingKeyOperation {
    private Data value;
    private long fence;
    private transient Data previous;
    private transient long appliedFence;

    public FencedWriteOperation() {
    }

    /** @param value the new value, or null to remove the key */
    public FencedWriteOperation(String name, Data key, Data value, long fence) {
        super(name, key);
        this.value = value;
        this.fence = fence;
    }

    @Override
    protected void checkArguments() {
        if (value != null) {
            checkValueSize(value);
        }
    }

    @Override
    public void run() {
        PartitionStore store = store();
        byte[] keyBytes = keyBytes();
        long highest = store.fence(keyBytes);
        if (fence < highest) {
            Object keyObject = getNodeEngine().toObject(key);
            throw new FencedWriteRejectedException(name, String.valueOf(keyObject), fence, highest);
        }
        long start = System.nanoTime();
        if (value != null) {
            previous = data(store.put(keyBytes, value.toByteArray()));
            container().recordPut(System.nanoTime() - start);
        } else {
            previous = data(store.remove(keyBytes));
            container().recordRemove(System.nanoTime() - start);
        }
        if (fence > highest) {
            store.setFence(keyBytes, fence);
        }
        appliedFence = fence;
        changed = true;
        captureChange(value != null ? "putFenced" : "removeFenced", keyBytes, value != null ? value.toByteArray() : null);
    }

    @Override
    public Object getResponse() {
        return previous;
    }

    @Override
    public Operation getBackupOperation() {
        return value != null ? new PutBackupOperation(name, key, value, appliedFence) : new RemoveBackupOperation(name, key, appliedFence);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.FENCED_WRITE;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeBoolean(value != null);
        if (value != null) {
            IOUtil.writeData(out, value);
        }
        out.writeLong(fence);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        value = in.readBoolean() ? IOUtil.readData(in) : null;
        fence = in.readLong();
    }
}
