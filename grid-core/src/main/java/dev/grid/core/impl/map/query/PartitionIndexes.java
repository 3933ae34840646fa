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
 */
public final class PartitionIndexes {
    private final Function<byte[], Object> deserializer;
    private final List<PartitionIndex> indexes = new ArrayList<>();
    private boolean readsKey;

    /** @param deserializer turns stored key or value bytes into the object (may throw: the attributes are then null) */
    public PartitionIndexes(Function<byte[], Object> deserializer) {
        this.deserializer = deserializer;
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
        PartitionIndex index = new PartitionIndex(config);
        boolean key = Attributes.readsKey(config.getAttribute());
        forEachEntry.accept((keyBytes, valueBytes) -> {
            Object value = deserialize(valueBytes);
            Object keyObject = key ? deserialize(keyBytes) : null;
            index.put(new KeyBytes(keyBytes), QueryValues.canonical(Attributes.read(keyObject, value, config.getAttribute())));
        });
        indexes.add(index);
        readsKey |= key;
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
            index.put(key, QueryValues.canonical(Attributes.read(keyObject, value, index.config().getAttribute())));
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

    /** @return the object, or null if the bytes do not deserialize here (its attributes are then all null) */
    public Object deserialize(byte[] bytes) {
        try {
            return deserializer.apply(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
