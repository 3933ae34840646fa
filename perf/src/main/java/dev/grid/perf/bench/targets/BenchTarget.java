package dev.grid.perf.bench.targets;

import java.util.Map;

/**
 * One store under test, with the calls the YCSB workloads make. Keys are strings and records byte
 * arrays in every target. Implementations are called from many threads at once.
 */
public interface BenchTarget extends AutoCloseable {
    /** @return the record, or null if the key is absent */
    byte[] read(String key);

    /** Overwrites the record (without reading the old one back). */
    void update(String key, byte[] record);

    /** Adds a new record. */
    void insert(String key, byte[] record);

    /** Adds records in bulk (the load phase). */
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

    /** Frees what this workload stored (the map is destroyed); the deployment stays up. */
    @Override
    void close();
}
