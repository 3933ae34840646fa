package dev.grid.perf;

import java.util.Map;

/**
 * One of the maps the benchmarks compare, behind the three calls they make. Keys are strings and
 * values byte arrays in every map, so each pays for what it really does with them (serialize, copy
 * off-heap, or keep a reference). Each benchmark fork uses one implementation, so the call is
 * monomorphic and the JIT inlines it.
 */
interface MapUnderTest extends AutoCloseable {
    /** @return the value, or null */
    byte[] get(String key);

    /** Stores the value, without returning the previous one where the map offers that choice. */
    void set(String key, byte[] value);

    /** Stores entries in bulk (for populating the map before the measurement). */
    void putAll(Map<String, byte[]> entries);

    /** @return a line of the map's own statistics for the log after the run, or null if it keeps none */
    default String stats() {
        return null;
    }

    /** Frees what the map holds (off-heap memory); members are stopped by their owner. */
    @Override
    void close();
}
