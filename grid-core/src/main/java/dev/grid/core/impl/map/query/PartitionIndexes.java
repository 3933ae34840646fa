package dev.grid.core.impl.map.query;

import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.KeyBytes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The indexes of one partition replica, kept in step with its store: the store calls {@link #set} after it
 * stored a value, {@link #remove} after it removed a key and {@link #clear} when it emptied. A value is
 * deserialized once per write for all the indexes together (and the key once, if an index reads it).
 * Partition thread only.
 *
 * <p>In a map container each index mirrors into the member's index of its definition ({@link MemberIndexes}), and the
 * store brackets every change with {@link #beginWrite}/{@link #endWrite} so that a query reading the member indexes
 * from another thread can tell whether this partition changed under it.
 */
public final class PartitionIndexes {
    private final Function<byte[], Object> deserializer;
    private final List<PartitionIndex> indexes = new ArrayList<>();
    private final MemberIndexes member;
    private final int partition;
    private boolean readsKey;

    /** @param deserializer turns stored key or value bytes into the object (may throw: the attributes are then null) */
    public PartitionIndexes(Function<byte[], Object> deserializer) {
        this(deserializer, null, -1);
    }

    /**
     * @param deserializer turns stored key or value bytes into the object (may throw: the attributes are then null)
     * @param member       the map's indexes on this member, which these mirror into
     * @param partition    the replica's partition
     */
    public PartitionIndexes(Function<byte[], Object> deserializer, MemberIndexes member, int partition) {
        this.deserializer = deserializer;
        this.member = member;
        this.partition = partition;
    }

    /**
     * Marks the partition as changing, if a member index mirrors it: call before changing the store's entries.
     *
     * @return whether {@link #endWrite} must be called when the change is done
     */
    public boolean beginWrite() {
        if (member == null || indexes.isEmpty()) {
            return false;
        }
        member.beginWrite(partition);
        return true;
    }

    /** Marks the partition's change (begun by a {@link #beginWrite} that returned true) as complete. */
    public void endWrite() {
        member.endWrite(partition);
    }

    public boolean isEmpty() {
        return indexes.isEmpty();
    }

    /** @return the index on the attribute of that type, or null */
    public PartitionIndex find(String attribute, GridIndexConfig.Type type) {
        for (PartitionIndex index : indexes) {
            if (index.config().getAttribute().equals(attribute) && index.config().getType() == type) {
                return index;
            }
        }
        return null;
    }

    /** @return the index on the attribute, a sorted one first if both exist, or null */
    public PartitionIndex best(String attribute, boolean needsOrder) {
        PartitionIndex sorted = find(attribute, GridIndexConfig.Type.SORTED);
        if (sorted != null || needsOrder) {
            return sorted;
        }
        return find(attribute, GridIndexConfig.Type.HASH);
    }

    /** @return any index (they all hold every key), or null */
    public PartitionIndex any() {
        return indexes.isEmpty() ? null : indexes.get(0);
    }

    public List<GridIndexConfig> configs() {
        List<GridIndexConfig> configs = new ArrayList<>();
        indexes.forEach(index -> configs.add(index.config()));
        return configs;
    }

    /**
     * Adds the index, if missing, and builds it from the store's entries.
     *
     * @param forEachEntry calls its argument with every key and value of the store
     * @return whether the index was added
     */
    public boolean add(GridIndexConfig config, Consumer<BiConsumer<byte[], byte[]>> forEachEntry) {
        if (find(config.getAttribute(), config.getType()) != null) {
            return false;
        }
        PartitionIndex index = member == null ? new PartitionIndex(config) : new PartitionIndex(config, member.index(config), partition);
        boolean key = Attributes.readsKey(config.getAttribute());
        if (member != null) {
            member.beginWrite(partition);
        }
        try {
            forEachEntry.accept((keyBytes, valueBytes) -> {
                Object value = deserialize(valueBytes);
                Object keyObject = key ? deserialize(keyBytes) : null;
                index.put(new KeyBytes(keyBytes), QueryValues.canonical(Attributes.read(keyObject, value, config.getAttribute())),
                        valueBytes);
            });
            indexes.add(index);
            readsKey |= key;
            index.mirrored();
        } finally {
            if (member != null) {
                member.endWrite(partition);
            }
        }
        return true;
    }

    /** The key now holds the value (both as stored). */
    public void set(byte[] keyBytes, byte[] valueBytes) {
        if (indexes.isEmpty()) {
            return;
        }
        KeyBytes key = new KeyBytes(keyBytes);
        Object value = deserialize(valueBytes);
        Object keyObject = readsKey ? deserialize(keyBytes) : null;
        for (PartitionIndex index : indexes) {
            index.put(key, QueryValues.canonical(Attributes.read(keyObject, value, index.config().getAttribute())), valueBytes);
        }
    }

    /** The key was removed. */
    public void remove(byte[] keyBytes) {
        if (indexes.isEmpty()) {
            return;
        }
        KeyBytes key = new KeyBytes(keyBytes);
        for (PartitionIndex index : indexes) {
            index.remove(key);
        }
    }

    /** The store was emptied. */
    public void clear() {
        indexes.forEach(PartitionIndex::clear);
    }

    /** The store is closed (the replica dropped): the indexes are emptied and the member's no longer hold this replica. */
    public void close() {
        indexes.forEach(PartitionIndex::close);
    }

    /** @return the object, or null if the bytes do not deserialize here (its attributes are then all null) */
    public Object deserialize(byte[] bytes) {
        try {
            return deserializer.apply(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
