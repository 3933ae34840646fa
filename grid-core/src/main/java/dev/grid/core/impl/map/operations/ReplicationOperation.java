package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.impl.map.TxnLock;
import dev.grid.core.impl.map.TxnLockTable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk of a map's partition, sent to a new replica by migration or backup resynchronisation.
 * The first chunk replaces whatever the receiver held for the map in that partition; later chunks add.
 * The partition's transactional locks (and the writes of prepared transactions) travel in the first
 * chunk, so a lock moves with its partition, and so does the number of entries the partition holds,
 * so the receiver's store, if smaller, starts growing to that size at once.
 */
public final class ReplicationOperation extends GridMapOperation {
    private boolean first;
    private List<byte[]> keys;
    private List<byte[]> values;
    private List<byte[]> fencedKeys;
    private long[] fences;
    private List<byte[]> lockKeys = List.of();
    private List<TxnLock> locks = List.of();
    /** The entries of the whole partition on the source (first chunk only). */
    private long expectedEntries;
    /** The map's index definitions on the source (first chunk only), as {@code GridIndexConfig.encode()} wrote them. */
    private List<String> indexes = List.of();

    public ReplicationOperation() {
    }

    /**
     * The first chunk.
     *
     * @param expectedEntries the entries of the whole partition, in every chunk together
     * @param lockKeys        keys locked by transactions
     * @param locks           their locks, index for index
     */
    public ReplicationOperation(String name, long expectedEntries, List<byte[]> keys, List<byte[]> values,
                                List<byte[]> fencedKeys, long[] fences, List<byte[]> lockKeys, List<TxnLock> locks) {
        this(name, true, keys, values, fencedKeys, fences);
        this.expectedEntries = expectedEntries;
        this.lockKeys = lockKeys;
        this.locks = locks;
    }

    /**
     * A chunk; the first one has no locks and announces only its own entries.
     *
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
        this.expectedEntries = first ? keys.size() : 0;
    }

    /** Sends the map's index definitions along (first chunk): the receiver defines and builds them. */
    public ReplicationOperation withIndexes(List<GridIndexConfig> definitions) {
        List<String> encoded = new ArrayList<>();
        definitions.forEach(index -> encoded.add(index.encode()));
        this.indexes = encoded;
        return this;
    }

    /** @return the index definitions this chunk carries */
    public List<GridIndexConfig> indexes() {
        List<GridIndexConfig> decoded = new ArrayList<>();
        indexes.forEach(index -> decoded.add(GridIndexConfig.decode(index)));
        return decoded;
    }

    @Override
    public void run() {
        if (first) {
            indexes().forEach(container()::defineIndex);
        }
        PartitionStore store = store();
        container().ensureIndexes(getPartitionId());
        applyTo(store);
        TxnLockTable table = lockKeys.isEmpty() ? container().locksOrNull(getPartitionId()) : container().locks(getPartitionId());
        if (table != null) {
            applyLocksTo(table);
        }
    }

    /** Replaces (first chunk) or extends the partition's transactional locks with this chunk's. */
    public void applyLocksTo(TxnLockTable table) {
        if (first) {
            table.clear();
        }
        for (int i = 0; i < lockKeys.size(); i++) {
            table.put(lockKeys.get(i), locks.get(i));
        }
    }

    /** @return how many transactional locks this chunk carries */
    public int lockCount() {
        return lockKeys.size();
    }

    /** Replaces (first chunk) or extends (later chunks) the store's contents with this chunk's entries. */
    public void applyTo(PartitionStore store) {
        if (first) {
            store.clear();
            store.expect(expectedEntries);
        }
        for (int i = 0; i < keys.size(); i++) {
            store.set(keys.get(i), values.get(i));
        }
        for (int i = 0; i < fencedKeys.size(); i++) {
            store.setFence(fencedKeys.get(i), fences[i]);
        }
    }

    /** @return whether this is the partition's first chunk, which replaces what the receiver held */
    public boolean first() {
        return first;
    }

    /** @return the entries of the whole partition (first chunk), or 0 */
    public long expectedEntries() {
        return expectedEntries;
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
        out.writeLong(expectedEntries);
        EntriesResponse.writeByteArrays(out, keys);
        EntriesResponse.writeByteArrays(out, values);
        EntriesResponse.writeByteArrays(out, fencedKeys);
        out.writeLongArray(fences);
        EntriesResponse.writeByteArrays(out, lockKeys);
        for (TxnLock lock : locks) {
            lock.writeTo(out);
        }
        out.writeStringArray(indexes.toArray(new String[0]));
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        first = in.readBoolean();
        expectedEntries = in.readLong();
        keys = EntriesResponse.readByteArrays(in);
        values = EntriesResponse.readByteArrays(in);
        fencedKeys = EntriesResponse.readByteArrays(in);
        fences = in.readLongArray();
        lockKeys = EntriesResponse.readByteArrays(in);
        locks = new ArrayList<>(lockKeys.size());
        for (int i = 0; i < lockKeys.size(); i++) {
            locks.add(TxnLock.readFrom(in));
        }
        indexes = List.of(in.readStringArray());
    }
}
