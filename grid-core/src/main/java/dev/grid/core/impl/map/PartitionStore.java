package dev.grid.core.impl.map;

import dev.grid.core.GridMapFullException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.hash.serialization.SizedWriter;
import net.openhft.chronicle.hash.serialization.impl.ByteArraySizedReader;
import net.openhft.chronicle.hash.serialization.impl.EnumMarshallable;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One replica of one partition of one GridMap: a Chronicle Map of serialized key bytes to serialized
 * value bytes, off the Java heap. Writes come only from the partition's thread; reads may come from
 * any thread (the local fast path): Chronicle Map is thread-safe.
 */
public final class PartitionStore {
    private final String mapName;
    private final int partitionId;
    private final long capacity;
    private final int averageKeySize;
    private final ChronicleMap<byte[], byte[]> entries;
    private final long reservedAtCreation;
    /** The highest fence applied to each fenced key; created on the first fenced write. */
    private ChronicleMap<byte[], Long> fences;

    PartitionStore(String mapName, int partitionId, long capacity, int averageKeySize, int averageValueSize) {
        this.mapName = mapName;
        this.partitionId = partitionId;
        this.capacity = capacity;
        this.averageKeySize = averageKeySize;
        this.entries = ChronicleMap.of(byte[].class, byte[].class)
                .name(mapName + "-" + partitionId)
                .entries(capacity)
                .averageKeySize(averageKeySize)
                .averageValueSize(averageValueSize)
                .maxBloatFactor(1.0)
                .keyMarshallers(ByteArraySizedReader.INSTANCE, KeyWriter.INSTANCE)
                .create();
        this.reservedAtCreation = entries.offHeapMemoryUsed();
    }

    /** @return the off-heap bytes the store reserved when it was created (what the member's budget counts) */
    public long reservedAtCreation() {
        return reservedAtCreation;
    }

    public byte[] get(byte[] key) {
        return entries.get(key);
    }

    public boolean containsKey(byte[] key) {
        return entries.containsKey(key);
    }

    /** @return the previous value, or null */
    public byte[] put(byte[] key, byte[] value) {
        try {
            return entries.put(key, value);
        } catch (IllegalStateException e) {
            throw full(e);
        }
    }

    /**
     * Stores the value without reading the previous one: {@link #put} copies the previous value out of
     * the store into a new array (a value's size of garbage and copying per write), which set and
     * backups do not need.
     */
    public void set(byte[] key, byte[] value) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = entries.queryContext(key)) {
            query.updateLock().lock();
            Data<byte[]> data = query.wrapValueAsData(value);
            MapEntry<byte[], byte[]> entry = query.entry();
            if (entry != null) {
                query.replaceValue(entry, data);
            } else {
                query.insert(query.absentEntry(), data);
            }
        } catch (IllegalStateException e) {
            throw full(e);
        }
    }

    /** @return the previous value, or null */
    public byte[] remove(byte[] key) {
        return entries.remove(key);
    }

    /** @return the highest fence applied to the key, or 0 if none was */
    public long fence(byte[] key) {
        ChronicleMap<byte[], Long> current = fences;
        Long fence = current == null ? null : current.get(key);
        return fence == null ? 0 : fence;
    }

    /** Records the key's highest fence (partition thread only). */
    public void setFence(byte[] key, long fence) {
        if (fences == null) {
            fences = ChronicleMap.of(byte[].class, Long.class)
                    .name(mapName + "-" + partitionId + "-fences")
                    .entries(capacity)
                    .averageKeySize(averageKeySize)
                    .create();
        }
        try {
            fences.put(key, fence);
        } catch (IllegalStateException e) {
            throw full(e);
        }
    }

    /** Calls the action with a fresh copy of every fenced key and its highest fence. */
    public void forEachFence(BiConsumer<byte[], Long> action) {
        if (fences != null) {
            fences.forEachEntry(entry -> action.accept(entry.key().getUsing(null), entry.value().get()));
        }
    }

    public long size() {
        return entries.longSize();
    }

    /** Removes every entry and every fence. */
    public void clear() {
        entries.clear();
        if (fences != null) {
            fences.clear();
        }
    }

    /** Calls the action with a fresh copy of every key and value (Chronicle reuses its own instances). */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        entries.forEachEntry(entry -> action.accept(entry.key().getUsing(null), entry.value().getUsing(null)));
    }

    /**
     * Like {@link #forEach(BiConsumer)}, stopping after {@code limit} entries.
     *
     * @param limit the most entries to visit (at least 1)
     * @param keysOnly whether to skip copying the values (the action then gets null values)
     */
    public void forEach(int limit, boolean keysOnly, BiConsumer<byte[], byte[]> action) {
        int[] visited = {0};
        entries.forEachEntryWhile(entry -> {
            action.accept(entry.key().getUsing(null), keysOnly ? null : entry.value().getUsing(null));
            return ++visited[0] < limit;
        });
    }

    /** @return the keys now present (a snapshot, for chunked replication) */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, entries.longSize()));
        entries.forEachEntry(entry -> keys.add(entry.key().getUsing(null)));
        return keys;
    }

    public long offHeapReserved() {
        return entries.offHeapMemoryUsed();
    }

    /** @return bytes taken by entries in the store's segments */
    public long offHeapUsed() {
        long used = 0;
        for (ChronicleMap.SegmentStats segment : entries.segmentStats()) {
            used += segment.usedBytes();
        }
        return used;
    }

    public boolean isOpen() {
        return entries.isOpen();
    }

    /** Frees the off-heap memory. */
    public void close() {
        entries.close();
        if (fences != null) {
            fences.close();
        }
    }

    /**
     * Writes a key's bytes as they are (the layout of Chronicle's default for {@code byte[]}). Chronicle
     * then copies each key into a buffer its query context reuses, instead of wrapping the caller's
     * array in a new reference-counted {@code HeapBytesStore} on every call, which costs about 190
     * bytes of garbage and an increment of a JVM-wide atomic counter per {@code get}.
     */
    static final class KeyWriter implements SizedWriter<byte[]>, EnumMarshallable<KeyWriter> {
        static final KeyWriter INSTANCE = new KeyWriter();

        private KeyWriter() {
        }

        @Override
        public long size(byte[] toWrite) {
            return toWrite.length;
        }

        @Override
        public void write(Bytes<?> out, long size, byte[] toWrite) {
            out.write(toWrite);
        }

        @Override
        public KeyWriter readResolve() {
            return INSTANCE;
        }
    }

    private GridMapFullException full(IllegalStateException cause) {
        GridMapFullException e = new GridMapFullException("GridMap '" + mapName + "' partition " + partitionId
                + " is full: its store holds " + entries.longSize() + " entries (sized for " + capacity
                + "); raise grid.maps." + mapName + ".entries (or averageKeySize/averageValueSize if entries are larger "
                + "than configured). Nothing was stored; every stored entry is still readable. (" + cause.getMessage() + ")");
        e.initCause(cause);
        return e;
    }
}
