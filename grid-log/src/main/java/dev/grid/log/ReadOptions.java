package dev.grid.log;

import java.time.Duration;

/** Limits of one read. */
public final class ReadOptions {
    /** Default byte limit of one read (1 MiB). */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    /** Most records one read returns. */
    public static final int MAX_RECORDS = 100_000;
    /** Longest a read may wait for records. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private ReadOptions() {
    }

    /** Checks a read's arguments, naming the one at fault. */
    public static void check(String topic, int partition, long fromOffset, int maxRecords, int maxBytes, Duration maxWait) {
        if (partition < 0) {
            throw new PartitionOutOfRangeException(topic, partition, -1);
        }
        if (fromOffset < 0) {
            throw new IllegalArgumentException("offset " + fromOffset + " to read " + topic + "-" + partition + " from is negative");
        }
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw new IllegalArgumentException("maxRecords " + maxRecords + " to read from " + topic + "-" + partition
                    + " must be 1 to " + MAX_RECORDS);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " to read from " + topic + "-" + partition + " is negative");
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("maxWait " + maxWait + " to read from " + topic + "-" + partition + " must be 0 to 30s");
        }
    }
}
