package dev.grid.log.impl.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encoding of a record batch; the layout is described in {@code package-info.java}. Little-endian,
 * fixed-width header of {@value #HEADER_SIZE} bytes.
 */
final class BatchFormat {
    static final int LENGTH_AT = 0;
    static final int CRC_AT = 4;
    static final int BASE_OFFSET_AT = 8;
    static final int COUNT_AT = 16;
    static final int MAX_TIMESTAMP_AT = 20;
    static final int HEADER_SIZE = 28;
    /** timestamp i64 + key length i32 + value length i32. */
    static final int RECORD_OVERHEAD = 16;

    private BatchFormat() {
    }

    /** Encodes records (timestamps already resolved) as one batch starting at {@code baseOffset}. */
    static ByteBuffer encode(long baseOffset, List<LogRecord> records) {
        long size = HEADER_SIZE;
        long maxTs = LogRecord.NO_TIMESTAMP;
        for (LogRecord r : records) {
            size += r.encodedSize();
            maxTs = Math.max(maxTs, r.timestamp());
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + records.size() + " records is " + size + " bytes, above " + Integer.MAX_VALUE);
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LENGTH_AT, (int) size);
        b.putLong(BASE_OFFSET_AT, baseOffset);
        b.putInt(COUNT_AT, records.size());
        b.putLong(MAX_TIMESTAMP_AT, maxTs);
        b.position(HEADER_SIZE);
        for (LogRecord r : records) {
            b.putLong(r.timestamp());
            if (r.key() == null) {
                b.putInt(-1);
            } else {
                b.putInt(r.key().length).put(r.key());
            }
            b.putInt(r.value().length).put(r.value());
        }
        b.putInt(CRC_AT, crc(b, (int) size));
        return b.clear();
    }

    /** CRC32C of bytes {@code [8, length)} of the batch in {@code b} (which starts at index 0). */
    static int crc(ByteBuffer b, int length) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(BASE_OFFSET_AT).limit(length));
        return (int) crc.getValue();
    }

    /**
     * Checks a whole batch read into {@code b} (index 0 = batch start, limit = length): CRC, record count
     * and that the records fill the batch exactly. Returns null when valid, else the reason.
     */
    static String check(ByteBuffer b) {
        int length = b.getInt(LENGTH_AT);
        if (crc(b, length) != b.getInt(CRC_AT)) {
            return "CRC32C mismatch";
        }
        int count = b.getInt(COUNT_AT);
        if (count <= 0) {
            return "record count " + count;
        }
        int pos = HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            if (pos + RECORD_OVERHEAD > length) {
                return "record " + i + " runs past the batch";
            }
            int keyLen = b.getInt(pos + 8);
            if (keyLen < -1) {
                return "record " + i + " has key length " + keyLen;
            }
            pos += 12 + Math.max(keyLen, 0);
            if (pos + 4 > length) {
                return "record " + i + " runs past the batch";
            }
            int valueLen = b.getInt(pos);
            if (valueLen < 0 || (long) pos + 4 + valueLen > length) {
                return "record " + i + " has value length " + valueLen;
            }
            pos += 4 + valueLen;
        }
        return pos == length ? null : "records end at " + pos + " of a " + length + " byte batch";
    }

    /** Decodes the records of a checked batch, with their offsets. */
    static List<LogEntry> decode(ByteBuffer b) {
        long base = b.getLong(BASE_OFFSET_AT);
        int count = b.getInt(COUNT_AT);
        List<LogEntry> out = new ArrayList<>(count);
        int pos = HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            long ts = b.getLong(pos);
            int keyLen = b.getInt(pos + 8);
            pos += 12;
            byte[] key = null;
            if (keyLen >= 0) {
                key = new byte[keyLen];
                b.get(pos, key);
                pos += keyLen;
            }
            byte[] value = new byte[b.getInt(pos)];
            pos += 4;
            b.get(pos, value);
            pos += value.length;
            out.add(new LogEntry(base + i, new LogRecord(key, value, ts)));
        }
        return out;
    }
}
