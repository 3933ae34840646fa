package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries (or only the keys) of one partition, for iteration partition by partition; with a
 * limit, only the first {@code limit} in the store's order (a short scan).
 */
public final class FetchEntriesOperation extends GridMapOperation implements ReadonlyOperation {
    /** No limit: every entry of the partition. */
    public static final int ALL = Integer.MAX_VALUE;

    private boolean keysOnly;
    private int limit = ALL;
    private transient EntriesResponse entries;

    public FetchEntriesOperation() {
    }

    public FetchEntriesOperation(String name, boolean keysOnly) {
        this(name, keysOnly, ALL);
    }

    /**
     * @param limit the most entries to return, at least 1 ({@link #ALL} for every entry)
     */
    public FetchEntriesOperation(String name, boolean keysOnly, int limit) {
        super(name);
        if (limit < 1) {
            throw new IllegalArgumentException("GridMap '" + name + "': a fetch limit must be >= 1, was " + limit);
        }
        this.keysOnly = keysOnly;
        this.limit = limit;
    }

    @Override
    public void run() {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = keysOnly ? null : new ArrayList<>();
        PartitionStore store = storeOrNull();
        if (store != null) {
            store.forEach(limit, keysOnly, (key, value) -> {
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
        out.writeInt(limit);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        keysOnly = in.readBoolean();
        limit = in.readInt();
    }
}
