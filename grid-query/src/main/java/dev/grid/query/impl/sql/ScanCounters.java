package dev.grid.query.impl.sql;

import java.util.concurrent.atomic.LongAdder;

/**
 * How this JVM's GridMap scans read their partitions: on the owner's partition thread (the normal case), or through a
 * partition operation because the partition had moved or was migrating when its turn came. Diagnostics (the tests
 * check every partition of a stable cluster is read on its owner); shared by every member in the JVM.
 */
final class ScanCounters {
    /** Partitions read on their owner's partition thread, filter and projection applied there. */
    static final LongAdder OWNED = new LongAdder();
    /** Partitions read through {@code PartitionScan} (an operation to the current owner), filtered on arrival. */
    static final LongAdder MOVED = new LongAdder();

    /** Partitions read on their owner through the map's indexes: only the entries they named were read. */
    static final LongAdder INDEXED = new LongAdder();
    /** Entries handed to a scan's filter (owned and moved partitions): what an index saves shows here. */
    static final LongAdder ENTRIES_READ = new LongAdder();

    /** Key lookups ({@code WHERE __key = ?}) answered with one read of one key, on the key's owner. */
    static final LongAdder LOOKUPS = new LongAdder();

    private ScanCounters() {
    }
}
