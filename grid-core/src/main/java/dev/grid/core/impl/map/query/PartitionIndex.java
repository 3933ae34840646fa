package dev.grid.core.impl.map.query;

import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.KeyBytes;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;

/**
 * One index of one partition replica, on the heap: canonical attribute value to the keys holding it (a
 * {@link TreeMap} for a sorted index, a {@link HashMap} for a hash index), plus each key's current value,
 * so an update or a remove finds the key's old place without reading the old value. Every key of the
 * partition is in it, a missing or null attribute under {@link QueryValues#NULL}. Partition thread only.
 *
 * <p>A replica of a map's partition also mirrors every change into the member's index of the same definition
 * ({@link MemberIndex}, entries tagged with the partition), in the same call, so both always hold the same keys
 * under the same values once the call returns.
 */
public final class PartitionIndex {
    private final GridIndexConfig config;
    private final Map<Object, Set<KeyBytes>> byValue;
    /** each key's place: its canonical value (and, for the member's index, its partition and stored value) */
    private final Map<KeyBytes, MemberIndex.Entry> entryOf = new HashMap<>();
    /** The member's index this one mirrors into, or null (a store outside a map container) */
    private final MemberIndex member;
    private final int partition;

    PartitionIndex(GridIndexConfig config) {
        this(config, null, -1);
    }

    PartitionIndex(GridIndexConfig config, MemberIndex member, int partition) {
        this.config = config;
        this.byValue = config.getType() == GridIndexConfig.Type.SORTED ? new TreeMap<>(QueryValues.ORDER) : new HashMap<>();
        this.member = member;
        this.partition = partition;
    }

    public GridIndexConfig config() {
        return config;
    }

    public boolean sorted() {
        return config.getType() == GridIndexConfig.Type.SORTED;
    }

    /**
     * The key now holds a value whose attribute is {@code canonical}. A value the index cannot place (its
     * own {@code compareTo} or {@code hashCode} throws) is indexed as null rather than failing the write.
     */
    void put(KeyBytes key, Object canonical) {
        put(key, canonical, null);
    }

    /** As {@link #put(KeyBytes, Object)}, the key's whole value as stored ({@code bytes}) kept for the member's queries. */
    void put(KeyBytes key, Object canonical, byte[] bytes) {
        try {
            place(key, canonical, bytes);
        } catch (RuntimeException e) {
            place(key, QueryValues.NULL, bytes);
        }
    }

    private void place(KeyBytes key, Object canonical, byte[] bytes) {
        MemberIndex.Entry previous = entryOf.get(key);
        if (previous != null && samePlace(previous.value, canonical)) {
            previous.bytes = bytes; // the attribute kept its place (in both indexes); the value is new
            return;
        }
        Set<KeyBytes> bucket = byValue.computeIfAbsent(canonical, v -> new HashSet<>(2)); // may throw: nothing changed yet
        boolean added = bucket.add(key);
        MemberIndex.Entry entry = new MemberIndex.Entry(canonical, key, partition, bytes);
        if (member != null) {
            try {
                member.add(entry); // may throw (a compareTo against another partition's value)
            } catch (RuntimeException e) {
                if (added) {
                    removeFromBucket(key, canonical);
                }
                throw e;
            }
        }
        if (previous != null) {
            removeFromBucket(key, previous.value);
            if (member != null) {
                member.remove(previous);
            }
        }
        entryOf.put(key, entry);
    }

    /** @return whether a key moving between the two canonical values stays in the same bucket (sorted: equal order; hash: equal) */
    private boolean samePlace(Object previous, Object canonical) {
        return sorted() ? QueryValues.ORDER.compare(previous, canonical) == 0 : previous.equals(canonical);
    }

    void remove(KeyBytes key) {
        MemberIndex.Entry previous = entryOf.remove(key);
        if (previous != null) {
            removeFromBucket(key, previous.value);
            if (member != null) {
                member.remove(previous);
            }
        }
    }

    private void removeFromBucket(KeyBytes key, Object value) {
        Set<KeyBytes> keys = byValue.get(value);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byValue.remove(value);
        }
    }

    void clear() {
        if (member != null) {
            entryOf.values().forEach(member::remove);
        }
        byValue.clear();
        entryOf.clear();
    }

    /** Empties the index and stops mirroring into the member's (the replica is dropped). */
    void close() {
        clear();
        if (member != null) {
            member.mirrors(partition, false);
        }
    }

    /** Starts mirroring: the member's index holds this replica's keys from now on (after the index was built). */
    void mirrored() {
        if (member != null) {
            member.mirrors(partition, true);
        }
    }

    /** @return the keys whose attribute equals the canonical value (a view: do not modify) */
    public Set<KeyBytes> equal(Object canonical) {
        return byValue.getOrDefault(canonical, Set.of());
    }

    /**
     * @return the buckets of the keys between the bounds, within the bounds' family (sorted indexes only)
     */
    public Collection<Set<KeyBytes>> range(Object from, boolean fromInclusive, Object to, boolean toInclusive) {
        NavigableMap<Object, Set<KeyBytes>> tree = (NavigableMap<Object, Set<KeyBytes>>) byValue;
        if (QueryValues.ORDER.compare(from, to) > 0) {
            return List.of();
        }
        return tree.subMap(from, fromInclusive, to, toInclusive).values();
    }

    /** Calls the action with each distinct attribute value ({@link QueryValues#NULL} included) and how many keys hold it. */
    public void forEachValue(ObjIntConsumer<Object> action) {
        byValue.forEach((value, keys) -> action.accept(value, keys.size()));
    }

    /** @return every key of the partition (a view: do not modify) */
    public Set<KeyBytes> allKeys() {
        return entryOf.keySet();
    }

    /** @return the number of distinct attribute values */
    public int distinctValues() {
        return byValue.size();
    }

    /** @return the number of keys indexed */
    public int size() {
        return entryOf.size();
    }
}
