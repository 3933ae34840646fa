package dev.grid.core;

import java.io.Serializable;

/**
 * Code run by {@link GridMap#executeOnKey(Object, GridEntryProcessor)} on the partition thread that
 * owns the key: an atomic read-modify-write. It is serialized to the owner, so it must be
 * {@link Serializable} (or a Hazelcast-serializable type) and carry only the state it needs.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <R> the result type (serializable; null allowed)
 * @since 0.1
 */
@FunctionalInterface
public interface GridEntryProcessor<K, V, R> extends Serializable {

    /**
     * @param entry the entry, present or not; call {@link GridEntry#setValue} or {@link GridEntry#remove}
     *              to change it (the change is stored and backed up when this returns)
     * @return the result handed back to the caller
     */
    R process(GridEntry<K, V> entry);
}
