package dev.grid.perf.bench.ycsb;

/** The operations of the YCSB core workloads. */
public enum Operation {
    /** Read one record. */
    READ,
    /** Overwrite one record. */
    UPDATE,
    /** Add a new record. */
    INSERT,
    /** Read a short run of records starting at a key. */
    SCAN,
    /** Read a record, change one field, write it back (measured as one operation). */
    READ_MODIFY_WRITE
}
