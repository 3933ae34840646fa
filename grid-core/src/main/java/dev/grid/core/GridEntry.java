package dev.grid.core;

/**
 * The entry an {@link GridEntryProcessor} works on.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface GridEntry<K, V> {

    K getKey();

    /** @return the current value, or null if the key is absent */
    V getValue();

    /** Sets the value (not null), stored when the processor returns. */
    void setValue(V value);

    /** Removes the entry when the processor returns. */
    void remove();
}
