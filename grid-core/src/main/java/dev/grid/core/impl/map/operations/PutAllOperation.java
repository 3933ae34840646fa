package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.spi.MapChangeCapture;

import java.io.IOException;
import java.util.List;

/**
 * Stores several entries of one partition, after checking every value's size (so either all are
 * stored or, on a bad value, none); backed up as one operation.
 */
public final class PutAllOperation extends GridMapOperation implements BackupAwareOperation, MutatingOperation {
    private List<byte[]> keys;
    private List<byte[]> values;
    private transient MapChangeCapture capture;

    public PutAllOperation() {
    }

    public PutAllOperation(String name, List<byte[]> keys, List<byte[]> values) {
        super(name);
        this.keys = keys;
        this.values = values;
    }

    /** Nothing is stored while any of the keys is locked by a transaction: the whole call is retried. */
    @Override
    public void beforeRun() {
        for (byte[] key : keys) {
            MutatingKeyOperation.checkNotLockedByTransaction(this, key);
        }
        int max = container().config().getMaxValueSize();
        for (byte[] value : values) {
            if (value.length > max) {
                throw new IllegalArgumentException("GridMap '" + name + "': a value of " + value.length
                        + " bytes (serialized) is larger than grid.maps." + name + ".maxValueSize = " + max
                        + " bytes; nothing of this putAll's partition " + getPartitionId() + " was stored");
            }
        }
        capture = ChangeCapturing.admit(this);
    }

    @Override
    public void run() {
        MapContainer container = container();
        PartitionStore store = store();
        long start = System.nanoTime();
        for (int i = 0; i < keys.size(); i++) {
            store.set(keys.get(i), values.get(i));
            ChangeCapturing.append(this, capture, "putAll", keys.get(i), values.get(i));
        }
        container.recordPuts(keys.size(), System.nanoTime() - start);
    }

    @Override
    public boolean shouldBackup() {
        return !keys.isEmpty();
    }

    @Override
    public int getSyncBackupCount() {
        return container().syncBackups();
    }

    @Override
    public int getAsyncBackupCount() {
        return container().asyncBackups();
    }

    @Override
    public Operation getBackupOperation() {
        return new PutAllBackupOperation(name, keys, values);
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.PUT_ALL;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        EntriesResponse.writeByteArrays(out, keys);
        EntriesResponse.writeByteArrays(out, values);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        keys = EntriesResponse.readByteArrays(in);
        values = EntriesResponse.readByteArrays(in);
    }
}
