package dev.grid.log.impl.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record as a producer hands it to the log: key bytes (may be {@code null}), value bytes and a
 * timestamp. A timestamp of {@link #NO_TIMESTAMP} is replaced by the append time when appended.
 * The arrays are not copied; callers must not change them after handing them over.
 */
public record LogRecord(byte[] key, byte[] value, long timestamp) {
    /** The timestamp of a record that has none: the log stamps it with the append time. */
    public static final long NO_TIMESTAMP = -1L;

    public LogRecord {
        Objects.requireNonNull(value, "value");
        if (timestamp < NO_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is negative (use NO_TIMESTAMP = -1 for none)");
        }
    }

    /** Bytes this record takes inside a batch: timestamp i64, key length i32, key, value length i32, value. */
    public int encodedSize() {
        return BatchFormat.RECORD_OVERHEAD + (key == null ? 0 : key.length) + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogRecord r && timestamp == r.timestamp && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(key) + Arrays.hashCode(value)) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "LogRecord[key=" + (key == null ? "null" : key.length + "B") + ", value=" + value.length + "B, timestamp=" + timestamp + "]";
    }
}
