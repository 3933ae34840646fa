package dev.grid.core.impl.map.query;

import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.KeyBytes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * One index of one map over every partition replica this member holds (owners and backups alike), each entry
 * carrying its partition: a {@link ConcurrentSkipListSet} ordered by canonical value then key bytes for a sorted
 * index, a {@link ConcurrentHashMap} from canonical value to its keys for a hash index. The partitions' own
 * {@link PartitionIndex}es keep it in step on their threads (each partition's writes come from its one thread), and
 * a query reads it from any thread without visiting the partition threads; {@link MemberIndexes} tells the query
 * which partitions changed while it read.
 */
public final class MemberIndex {
    /** Orders entries by value ({@link QueryValues#ORDER}), then key bytes; a null key is a bound below or above every key. */
    private static final Comparator<Entry> BY_VALUE_THEN_KEY = (a, b) -> {
        int byValue = QueryValues.ORDER.compare(a.value, b.value);
        if (byValue != 0) {
            return byValue;
        }
        if (a.key == null || b.key == null) {
            return Integer.compare(a.edge, b.edge);
        }
        return Arrays.compare(a.key.bytes(), b.key.bytes());
    };

    private final GridIndexConfig config;
    private final NavigableSet<Entry> sorted;
    private final Map<Object, Map<KeyBytes, Entry>> hashed;
    /** 1 for each partition whose replica here is in the index (its {@link PartitionIndex} mirrors into it). */
    private final AtomicIntegerArray mirrored;

    MemberIndex(GridIndexConfig config, int partitionCount) {
        this.config = config;
        boolean isSorted = config.getType() == GridIndexConfig.Type.SORTED;
        this.sorted = isSorted ? new ConcurrentSkipListSet<>(BY_VALUE_THEN_KEY) : null;
        this.hashed = isSorted ? null : new ConcurrentHashMap<>();
        this.mirrored = new AtomicIntegerArray(partitionCount);
    }

    /**
     * A key of one partition under one canonical value, with the key's whole value as stored: a query reads it from
     * here, not from the off-heap store. The partition's thread replaces the bytes when the value changes and the
     * attribute does not (an entry's place never changes: a move is a new entry).
     */
    public static final class Entry {
        final Object value;
        final KeyBytes key;
        final int partition;
        /** for a bound (null key): -1 below every key of the value, 1 above */
        final int edge;
        /** the stored value (null in bounds, and in indexes outside a map container, which no query reads this way) */
        volatile byte[] bytes;

        Entry(Object value, KeyBytes key, int partition, byte[] bytes) {
            this(value, key, partition, 0);
            this.bytes = bytes;
        }

        private Entry(Object value, KeyBytes key, int partition, int edge) {
            this.value = value;
            this.key = key;
            this.partition = partition;
            this.edge = edge;
        }

        public KeyBytes key() {
            return key;
        }

        public int partition() {
            return partition;
        }

        /** @return the key's value as stored when this was read (read under the partition's write version) */
        public byte[] bytes() {
            return bytes;
        }
    }

    public GridIndexConfig config() {
        return config;
    }

    public boolean sorted() {
        return sorted != null;
    }

    /**
     * The entry's key now holds the entry's value (partition thread). Throws, changing nothing, when the value cannot
     * be placed (its {@code compareTo} or {@code hashCode} throws).
     */
    void add(Entry entry) {
        if (sorted != null) {
            sorted.add(entry);
        } else {
            hashed.compute(entry.value, (value, keys) -> {
                Map<KeyBytes, Entry> bucket = keys == null ? new ConcurrentHashMap<>(4) : keys;
                bucket.put(entry.key, entry);
                return bucket;
            });
        }
    }

    /** The entry's key no longer holds the entry's value (partition thread). */
    void remove(Entry entry) {
        if (sorted != null) {
            sorted.remove(entry);
        } else {
            hashed.computeIfPresent(entry.value, (value, bucket) -> {
                bucket.remove(entry.key);
                return bucket.isEmpty() ? null : bucket;
            });
        }
    }

    /** Records whether the partition's replica here is mirrored in this index (partition thread). */
    void mirrors(int partition, boolean mirrors) {
        mirrored.set(partition, mirrors ? 1 : 0);
    }

    /** @return whether the partition's replica here is in this index (read before trusting its entries) */
    public boolean mirrors(int partition) {
        return mirrored.get(partition) == 1;
    }

    /** Calls the action with every entry holding the canonical value. */
    public void equal(Object canonical, Consumer<Entry> action) {
        if (sorted != null) {
            sorted.subSet(new Entry(canonical, null, -1, -1), true, new Entry(canonical, null, -1, 1), true).forEach(action);
        } else {
            Map<KeyBytes, Entry> bucket = hashed.get(canonical);
            if (bucket != null) {
                bucket.values().forEach(action);
            }
        }
    }

    /** Calls the action with every entry between the bounds, within the bounds' family (sorted indexes only). */
    public void range(Object from, boolean fromInclusive, Object to, boolean toInclusive, Consumer<Entry> action) {
        if (QueryValues.ORDER.compare(from, to) > 0) {
            return;
        }
        Entry low = new Entry(from, null, -1, fromInclusive ? -1 : 1);
        Entry high = new Entry(to, null, -1, toInclusive ? 1 : -1);
        if (BY_VALUE_THEN_KEY.compare(low, high) > 0) {
            return;
        }
        sorted.subSet(low, true, high, true).forEach(action);
    }
}
