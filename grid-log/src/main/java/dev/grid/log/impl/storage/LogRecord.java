package dev.grid.log.impl.storage;

import dev.grid.log.Header;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One record as a producer hands it to the log: key bytes (may be {@code null}), value bytes, a
 * timestamp and headers. A timestamp of {@link #NO_TIMESTAMP} is replaced by the append time when
 * appended. The key and value arrays are not copied (nor are the headers' values); callers must not
 * change them after handing them over.
 *
 * @param headers the headers in order, never null ({@code null} becomes the empty list; the list is
 *                copied to an immutable one). A header's key is stored as UTF-8 and may take at most
 *                {@value #MAX_HEADER_KEY_BYTES} bytes; a key holding an unpaired surrogate is stored as
 *                {@link String#getBytes(java.nio.charset.Charset)} encodes it (a {@code '?'}), so it
 *                reads back different.
 */
public record LogRecord(byte[] key, byte[] value, long timestamp, List<Header> headers) {
    /** The timestamp of a record that has none: the log stamps it with the append time. */
    public static final long NO_TIMESTAMP = -1L;
    /** The most UTF-8 bytes a header key may take (its length is stored as an i16). */
    public static final int MAX_HEADER_KEY_BYTES = Short.MAX_VALUE;

    public LogRecord {
        Objects.requireNonNull(value, "value");
        if (timestamp < NO_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is negative (use NO_TIMESTAMP = -1 for none)");
        }
        headers = headers == null || headers.isEmpty() ? List.of() : List.copyOf(headers);
        for (int i = 0; i < headers.size(); i++) {
            long keyBytes = BatchFormat.utf8Length(headers.get(i).key());
            if (keyBytes > MAX_HEADER_KEY_BYTES) {
                throw new IllegalArgumentException("header " + i + " has a key of " + keyBytes + " UTF-8 bytes, above the maximum of "
                        + MAX_HEADER_KEY_BYTES);
            }
        }
    }

    /** A record without headers. */
    public LogRecord(byte[] key, byte[] value, long timestamp) {
        this(key, value, timestamp, List.of());
    }

    /**
     * Bytes this record takes inside a batch: timestamp i64, key length i32, key, value length i32,
     * value, header count i32, and per header key length i16, key (UTF-8), value length i32, value.
     * Saturates at {@link Integer#MAX_VALUE}.
     */
    public int encodedSize() {
        long size = (long) BatchFormat.RECORD_OVERHEAD + (key == null ? 0 : key.length) + value.length;
        for (Header h : headers) {
            size += BatchFormat.HEADER_OVERHEAD + BatchFormat.utf8Length(h.key()) + (h.value() == null ? 0 : h.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogRecord r && timestamp == r.timestamp && Arrays.equals(key, r.key) && Arrays.equals(value, r.value)
                && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(key) + Arrays.hashCode(value)) + Long.hashCode(timestamp)) + headers.hashCode();
    }

    @Override
    public String toString() {
        return "LogRecord[key=" + (key == null ? "null" : key.length + "B") + ", value=" + value.length + "B, timestamp=" + timestamp
                + ", headers=" + headers + "]";
    }
}
