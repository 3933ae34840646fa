package dev.grid.perf.bench.targets;

import java.util.Map;

/**
 * One store under test, with the calls the benchmarks make: the JMH benchmarks ({@code dev.grid.perf}) and the
 * YCSB workloads of {@code grid bench run}. Keys are strings and records byte arrays in every target, so each pays
 * for what it really does with them (serialize, copy off-heap, or keep a reference). Implementations are called from
 * many threads at once. A JMH fork uses one implementation, so its calls are monomorphic and the JIT inlines them.
 */
public interface BenchTarget extends AutoCloseable {
    /** @return the record, or null if the key is absent */
    byte[] read(String key);

    /** Overwrites the record, without reading the old one back where the store offers that choice. */
    void update(String key, byte[] record);

    /** Adds a new record; a store with no insert of its own overwrites, as {@link #update} does. */
    default void insert(String key, byte[] record) {
        update(key, record);
    }

    /** Adds records in bulk (the load phase, or populating a benchmark's map before it measures). */
    void load(Map<String, byte[]> records);

    /**
     * Reads up to {@code count} records near {@code startKey}.
     *
     * @return how many records were read
     * @throws UnsupportedOperationException if {@link #scanSupport()} is not null
     */
    int scan(String startKey, int count);

    /** @return null if this target can scan, else why not */
    String scanSupport();

    /** @return a line of the store's own statistics for the log after a run, or null if it keeps none */
    default String stats() {
        return null;
    }

    /** Frees what this target stored (a map is destroyed, off-heap memory freed); members and servers stay up: their owner stops them. */
    @Override
    void close();
}
