package dev.grid.query.impl.sql;

import java.util.concurrent.atomic.LongAdder;

/**
 * What this JVM's GridLog scans read: diagnostics (the tests check that offset and time bounds start the reads where
 * they should); shared by every member in the JVM.
 */
final class LogScanCounters {
    /** Records handed to the scans by log reads, before the query's filter. */
    static final LongAdder RECORDS_READ = new LongAdder();
    /** Log partitions a query planned to read whose cluster partition this member owned when the query started. */
    static final LongAdder LOCAL_PARTITIONS = new LongAdder();
    /** Log partitions a query read from another member (the cluster partition had moved since Jet assigned it). */
    static final LongAdder REMOTE_PARTITIONS = new LongAdder();
    /** Log partitions whose read started at a seek by time ({@code __timestamp >= t}). */
    static final LongAdder TIME_SEEKS = new LongAdder();

    private LogScanCounters() {
    }
}
