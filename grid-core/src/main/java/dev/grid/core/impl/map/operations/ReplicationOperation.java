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
    private List<byte[]> fencedKeys;
    private long[] fences;

    public ReplicationOperation() {
    }

    /**
     * @param keys       entry keys
     * @param values     their values, index for index
     * @param fencedKeys keys whose highest fence travels in this chunk
     * @param fences     those fences, index for index
     */
    public ReplicationOperation(String name, boolean first, List<byte[]> keys, List<byte[]> values,
                                List<byte[]> fencedKeys, long[] fences) {
        super(name);
        this.first = first;
        this.keys = keys;
        this.values = values;
        this.fencedKeys = fencedKeys;
        this.fences = fences;
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
        for (int i = 0; i < fencedKeys.size(); i++) {
            store.setFence(fencedKeys.get(i), fences[i]);
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

    /** @return how many key fences this chunk carries */
    public int fenceCount() {
        return fencedKeys.size();
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
        EntriesResponse.writeByteArrays(out, fencedKeys);
        out.writeLongArray(fences);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        first = in.readBoolean();
        keys = EntriesResponse.readByteArrays(in);
        values = EntriesResponse.readByteArrays(in);
        fencedKeys = EntriesResponse.readByteArrays(in);
        fences = in.readLongArray();
    }
}
