package dev.grid.core.impl.map;

import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.spi.EntryBytes;
import dev.grid.core.impl.map.query.PartitionIndexes;
import dev.grid.core.impl.map.table.GrowingTable;
import dev.grid.core.impl.map.table.GrowthStats;
import dev.grid.core.impl.map.table.GrowthTasks;
import dev.grid.core.impl.map.table.TableMemory;
import dev.grid.core.impl.map.table.TableSpec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One replica of one partition of one GridMap: serialized key bytes to serialized value bytes, off the
 * Java heap, in a {@link GrowingTable} that starts at the map's initial sizing and grows when it fills
 * (while the member's off-heap budget allows), plus the keys' highest fences, in a growing table of
 * their own created on the first fenced write. Writes come only from the partition's thread; reads
 * may come from any thread (the local fast path).
 *
 * <p>This is the one place a replica's entries change (owner writes, backups, transactions, migration and
 * resynchronisation, clear): every change is passed on to the replica's {@link PartitionIndexes}, after the
 * table took it, so the indexes hold exactly the stored entries.
 */
public final class PartitionStore {
    private static final int FENCE_BYTES = Long.BYTES;

    private final long initialCapacity;
    private final TableSpec fenceSpec;
    private final TableMemory memory;
    private final GrowthTasks tasks;
    private final GrowthStats stats;
    private final GrowingTable entries;
    /** The highest fence applied to each fenced key; created on the first fenced write (partition thread). */
    private volatile GrowingTable fences;
    /** The replica's indexes (partition thread only); null for stores outside a map container (tests, warm-up). */
    private PartitionIndexes indexes;

    /**
     * @param capacity the entries the store is sized for at first
     * @throws dev.grid.core.GridMapFullException naming the budget if the memory refuses the store
     */
    PartitionStore(String mapName, int partitionId, long capacity, int averageKeySize, int averageValueSize,
                   TableMemory memory, GrowthTasks tasks, GrowthStats stats) {
        String description = "GridMap '" + mapName + "' partition " + partitionId;
        this.initialCapacity = capacity;
        this.fenceSpec = new TableSpec(description + " (fences)", mapName + "-" + partitionId + "-fences", averageKeySize, FENCE_BYTES);
        this.memory = memory;
        this.tasks = tasks;
        this.stats = stats;
        this.entries = new GrowingTable(new TableSpec(description, mapName + "-" + partitionId, averageKeySize, averageValueSize),
                capacity, memory, tasks, stats);
    }

    /** A store without a budget whose growth runs only when a write finds it full (tests, the warm-up). */
    PartitionStore(String mapName, int partitionId, long capacity, int averageKeySize, int averageValueSize) {
        this(mapName, partitionId, capacity, averageKeySize, averageValueSize, TableMemory.UNLIMITED, GrowthTasks.NONE,
                new GrowthStats());
    }

    /** Any thread. */
    public byte[] get(byte[] key) {
        return entries.get(key);
    }

    /** Any thread. */
    public boolean containsKey(byte[] key) {
        return entries.containsKey(key);
    }

    /**
     * @return the previous value, or null
     * @throws dev.grid.core.GridMapFullException naming the budget when the store is full and may not grow
     */
    public byte[] put(byte[] key, byte[] value) {
        boolean versioned = beginWrite();
        try {
            byte[] previous = entries.put(key, value);
            if (indexes != null) {
                indexes.set(key, value);
            }
            return previous;
        } finally {
            endWrite(versioned);
        }
    }

    /** @return whether a member index mirrors this replica, so the change must be bracketed ({@link #endWrite}) */
    private boolean beginWrite() {
        return indexes != null && indexes.beginWrite();
    }

    private void endWrite(boolean versioned) {
        if (versioned) {
            indexes.endWrite();
        }
    }

    /**
     * Stores the value without reading the previous one: {@link #put} copies the previous value out of
     * the store into a new array (a value's size of garbage and copying per write), which set and
     * backups do not need.
     *
     * @throws dev.grid.core.GridMapFullException naming the budget when the store is full and may not grow
     */
    public void set(byte[] key, byte[] value) {
        boolean versioned = beginWrite();
        try {
            entries.set(key, value);
            if (indexes != null) {
                indexes.set(key, value);
            }
        } finally {
            endWrite(versioned);
        }
    }

    /** @return the previous value, or null */
    public byte[] remove(byte[] key) {
        boolean versioned = beginWrite();
        try {
            byte[] previous = entries.remove(key);
            if (previous != null && indexes != null) {
                indexes.remove(key);
            }
            return previous;
        } finally {
            endWrite(versioned);
        }
    }

    /** Gives the store its (empty) indexes; called once, by its container, as it creates the store. */
    void useIndexes(PartitionIndexes indexes) {
        this.indexes = indexes;
    }

    /** @return the replica's indexes, or null if the store has none (partition thread only) */
    public PartitionIndexes indexesOrNull() {
        return indexes == null || indexes.isEmpty() ? null : indexes;
    }

    /**
     * Adds the index, if the store has not got it, built from the entries stored now (partition thread only).
     *
     * @return whether it was added
     */
    public boolean addIndex(GridIndexConfig index) {
        return indexes != null && indexes.add(index, this::forEach);
    }

    /** @return the highest fence applied to the key, or 0 if none was */
    public long fence(byte[] key) {
        byte[] fence = fences == null ? null : fences.get(key);
        return fence == null ? 0 : ByteBuffer.wrap(fence).getLong();
    }

    /** Records the key's highest fence (partition thread only). */
    public void setFence(byte[] key, long fence) {
        if (fences == null) {
            fences = new GrowingTable(fenceSpec, initialCapacity, memory, tasks, stats);
        }
        fences.set(key, ByteBuffer.allocate(FENCE_BYTES).putLong(fence).array());
    }

    /** Calls the action with a fresh copy of every fenced key and its highest fence. */
    public void forEachFence(BiConsumer<byte[], Long> action) {
        if (fences != null) {
            fences.forEachWhile(false, (key, fence) -> {
                action.accept(key, ByteBuffer.wrap(fence).getLong());
                return true;
            });
        }
    }

    public long size() {
        return entries.size();
    }

    /** Removes every entry and every fence. */
    public void clear() {
        boolean versioned = beginWrite();
        try {
            entries.clear();
            if (indexes != null) {
                indexes.clear();
            }
        } finally {
            endWrite(versioned);
        }
        if (fences != null) {
            fences.clear();
        }
    }

    /**
     * Announces about how many entries the store will hold soon (the first chunk of a migrating
     * partition): a store too small for them starts growing to their size at once.
     */
    public void expect(long entryCount) {
        entries.expect(entryCount);
    }

    /** Calls the action with a fresh copy of every key and value. */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        entries.forEachWhile(false, (key, value) -> {
            action.accept(key, value);
            return true;
        });
    }

    /**
     * Calls the action with every entry as it lies in the store ({@link EntryBytes}: copied out only as far as the
     * action asks, valid only during the call).
     */
    public void forEachEntry(Consumer<EntryBytes> action) {
        entries.forEachEntryWhile(entry -> {
            action.accept(entry);
            return true;
        });
    }

    /**
     * Like {@link #forEach(BiConsumer)}, stopping after {@code limit} entries.
     *
     * @param limit the most entries to visit (at least 1)
     * @param keysOnly whether to skip copying the values (the action then gets null values)
     */
    public void forEach(int limit, boolean keysOnly, BiConsumer<byte[], byte[]> action) {
        int[] visited = {0};
        entries.forEachWhile(keysOnly, (key, value) -> {
            action.accept(key, value);
            return ++visited[0] < limit;
        });
    }

    /** @return the keys now present (a snapshot, for chunked replication) */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, entries.size()));
        entries.forEachWhile(true, (key, value) -> keys.add(key));
        return keys;
    }

    /** @return the entries the store takes before it grows again (it starts at the map's initial sizing) */
    public long capacity() {
        return entries.capacity();
    }

    /** @return whether entries are moving into a larger table right now */
    public boolean isGrowing() {
        return entries.tables() > 1;
    }

    /** @return the off-heap bytes the store's tables reserved (what the member's budget counts for it) */
    public long offHeapReserved() {
        GrowingTable fenceTable = fences;
        return entries.reserved() + (fenceTable == null ? 0 : fenceTable.reserved());
    }

    /** @return bytes taken by entries in the store's segments */
    public long offHeapUsed() {
        GrowingTable fenceTable = fences;
        return entries.used() + (fenceTable == null ? 0 : fenceTable.used());
    }

    public boolean isOpen() {
        return entries.isOpen();
    }

    /** Frees the off-heap memory (on the background thread) and gives it back to the budget. */
    public void close() {
        boolean versioned = beginWrite();
        try {
            if (indexes != null) {
                indexes.close();
            }
        } finally {
            endWrite(versioned);
        }
        entries.close();
        if (fences != null) {
            fences.close();
        }
    }
}
