package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.List;

/**
 * One chunk of a map's partition, sent to a new replica by migration or backup resynchronisation.
 * The first chunk replaces whatever the receiver held for the map in that partition; later chunks add.
 */
public final class ReplicationOperation extends GridMapOperation {
    private boolean first;
    private List<byte[]> keys;
    private List<byte[]> values;

    public ReplicationOperation() {
    }

    public ReplicationOperation(String name, boolean first, List<byte[]> keys, List<byte[]> values) {
        super(name);
        this.first = first;
        this.keys = keys;
        this.values = values;
    }

    @Override
    public void run() {
        applyTo(store());
    }

    /** Replaces (first chunk) or extends (later chunks) the store's contents with this chunk's entries. */
    public void applyTo(PartitionStore store) {
        if (first) {
            store.clear();
        }
        for (int i = 0; i < keys.size(); i++) {
            store.put(keys.get(i), values.get(i));
        }
    }

    /** @return whether this is the partition's first chunk, which replaces what the receiver held */
    public boolean first() {
        return first;
    }

    /** @return how many entries this chunk carries */
    public int entryCount() {
        return keys.size();
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.REPLICATION;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeBoolean(first);
        EntriesResponse.writeByteArrays(out, keys);
        EntriesResponse.writeByteArrays(out, values);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        first = in.readBoolean();
        keys = EntriesResponse.readByteArrays(in);
        values = EntriesResponse.readByteArrays(in);
    }
}
