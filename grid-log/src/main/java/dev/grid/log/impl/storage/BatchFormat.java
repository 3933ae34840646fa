package dev.grid.log.impl.storage;

import dev.grid.log.Header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
    static final int PRODUCER_ID_AT = 28;
    static final int BASE_SEQUENCE_AT = 36;
    static final int LEADER_EPOCH_AT = 40;
    static final int HEADER_SIZE = 44;
    /** timestamp i64 + key length i32 + value length i32 + header count i32. */
    static final int RECORD_OVERHEAD = 20;
    /** Per header: key length i16 + value length i32. */
    static final int HEADER_OVERHEAD = 6;

    private BatchFormat() {
    }

    /**
     * Encodes records whose timestamps are resolved (the stored records of a batch being cut) as one batch starting at
     * {@code baseOffset}.
     */
    static ByteBuffer encode(long baseOffset, List<LogRecord> records, BatchMeta meta) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("cannot encode an empty batch");
        }
        ByteBuffer b = ByteBuffer.wrap(BatchDraft.of(records, meta.producerId(), meta.baseSequence())).order(ByteOrder.LITTLE_ENDIAN);
        seal(b, baseOffset, meta, LogRecord.NO_TIMESTAMP, false, Integer.MAX_VALUE);
        return b.clear();
    }

    /**
     * Bytes of {@code s} encoded as UTF-8 by {@link String#getBytes(java.nio.charset.Charset)} (an
     * unpaired surrogate becomes one {@code '?'} byte), without encoding it.
     */
    static long utf8Length(String s) {
        int n = s.length();
        long len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                len += 1;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /** CRC32C of bytes {@code [8, length)} of the batch in {@code b} (which starts at index 0). */
    static int crc(ByteBuffer b, int length) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(BASE_OFFSET_AT).limit(length));
        return (int) crc.getValue();
    }

    /**
     * Checks a whole batch read into {@code b} (little-endian, index 0 = batch start, limit = length):
     * the length field, the CRC32C, the header's fields (base offset, record count, leader epoch, max
     * timestamp equal to the records' largest) and that the records, with their headers, fill the batch
     * exactly with lengths in range and header keys in valid UTF-8. Returns null when valid, else the
     * reason.
     */
    static String check(ByteBuffer b) {
        if (b.limit() < HEADER_SIZE) {
            return "batch of " + b.limit() + " bytes is shorter than a batch header (" + HEADER_SIZE + " bytes)";
        }
        int length = b.getInt(LENGTH_AT);
        if (length != b.limit()) {
            return "batch length " + length + " but " + b.limit() + " bytes";
        }
        if (length < HEADER_SIZE + RECORD_OVERHEAD) {
            return "batch length " + length + " is too small";
        }
        if (crc(b, length) != b.getInt(CRC_AT)) {
            return "CRC32C mismatch";
        }
        long base = b.getLong(BASE_OFFSET_AT);
        int count = b.getInt(COUNT_AT);
        if (count <= 0 || count > (length - HEADER_SIZE) / RECORD_OVERHEAD) {
            return "record count " + count + " in a " + length + " byte batch";
        }
        if (base < 0 || base > Long.MAX_VALUE - count) {
            return "base offset " + base;
        }
        int epoch = b.getInt(LEADER_EPOCH_AT);
        if (epoch < 0) {
            return "leader epoch " + epoch;
        }
        long[] maxTs = new long[1];
        String bad = walkRecords(b, count, length, false, 0, false, Integer.MAX_VALUE, maxTs);
        if (bad != null) {
            return bad;
        }
        long headerMaxTs = b.getLong(MAX_TIMESTAMP_AT);
        return headerMaxTs == maxTs[0] ? null : "max timestamp " + headerMaxTs + " but the records' largest is " + maxTs[0];
    }

    /**
     * Completes a producer's {@link BatchDraft} in place as the batch at {@code baseOffset}: checks its layout as
     * {@link #check} does (a record's timestamp may be {@link LogRecord#NO_TIMESTAMP}) and each record's size, stamps
     * records without a timestamp (every record, with {@code stampAll}) with {@code appendTime}, and writes the base
     * offset, the meta, the largest timestamp and the CRC32C.
     *
     * @param b the draft, little-endian, index 0 = batch start, limit = its length; not used by the caller afterwards
     * @throws IllegalArgumentException naming the reason if the draft is malformed; {@link RecordTooLargeException} if
     *                                  a record is above {@code maxRecordBytes}
     */
    static LogBatch seal(ByteBuffer b, long baseOffset, BatchMeta meta, long appendTime, boolean stampAll, int maxRecordBytes) {
        int length = b.limit();
        String bad;
        if (length < HEADER_SIZE + RECORD_OVERHEAD) {
            bad = "shorter than a batch of one record";
        } else if (b.getInt(LENGTH_AT) != length) {
            bad = "length field " + b.getInt(LENGTH_AT);
        } else if (b.getInt(COUNT_AT) <= 0 || b.getInt(COUNT_AT) > (length - HEADER_SIZE) / RECORD_OVERHEAD) {
            bad = "record count " + b.getInt(COUNT_AT);
        } else if (baseOffset > Long.MAX_VALUE - b.getInt(COUNT_AT)) {
            bad = "base offset " + baseOffset;
        } else {
            long[] maxTs = new long[1];
            bad = walkRecords(b, b.getInt(COUNT_AT), length, true, appendTime, stampAll, maxRecordBytes, maxTs);
            if (bad == null) {
                b.putLong(BASE_OFFSET_AT, baseOffset);
                b.putLong(MAX_TIMESTAMP_AT, maxTs[0]);
                b.putLong(PRODUCER_ID_AT, meta.producerId());
                b.putInt(BASE_SEQUENCE_AT, meta.baseSequence());
                b.putInt(LEADER_EPOCH_AT, meta.leaderEpoch());
                b.putInt(CRC_AT, crc(b, length));
                return new LogBatch(b);
            }
        }
        throw new IllegalArgumentException("malformed batch of " + length + " bytes from producer " + meta.producerId() + ": " + bad
                + "; nothing of it was appended");
    }

    /**
     * Walks the {@code count} records of a batch of {@code length} bytes in {@code b}, checking their layout; the largest
     * timestamp goes to {@code maxTs[0]}. In a {@code draft}, a record may have no timestamp; records without one (every
     * record, with {@code stampAll}) get {@code appendTime}, and a record above {@code maxRecordBytes} is refused.
     *
     * @return null when the layout is good, else the reason
     */
    private static String walkRecords(ByteBuffer b, int count, int length, boolean draft, long appendTime, boolean stampAll,
                                      int maxRecordBytes, long[] maxTs) {
        long max = LogRecord.NO_TIMESTAMP;
        long pos = HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            long recordStart = pos;
            if (pos + RECORD_OVERHEAD > length) {
                return "record " + i + " runs past the batch";
            }
            long ts = b.getLong((int) pos);
            if (draft && (ts == LogRecord.NO_TIMESTAMP || stampAll)) {
                ts = appendTime;
                b.putLong((int) pos, ts);
            }
            if (ts < 0) {
                return "record " + i + " has timestamp " + ts;
            }
            max = Math.max(max, ts);
            int keyLen = b.getInt((int) pos + 8);
            if (keyLen < -1 || pos + 12 + Math.max(keyLen, 0) + 8 > length) {
                return "record " + i + " has key length " + keyLen;
            }
            pos += 12 + Math.max(keyLen, 0);
            int valueLen = b.getInt((int) pos);
            if (valueLen < 0 || pos + 4 + valueLen + 4 > length) {
                return "record " + i + " has value length " + valueLen;
            }
            pos += 4 + valueLen;
            int headerCount = b.getInt((int) pos);
            pos += 4;
            if (headerCount < 0 || headerCount > (length - pos) / HEADER_OVERHEAD) {
                return "record " + i + " has header count " + headerCount;
            }
            for (int h = 0; h < headerCount; h++) {
                if (pos + HEADER_OVERHEAD > length) {
                    return "header " + h + " of record " + i + " runs past the batch";
                }
                int hKeyLen = b.getShort((int) pos);
                if (hKeyLen < 0 || pos + 2 + hKeyLen + 4 > length) {
                    return "header " + h + " of record " + i + " has key length " + hKeyLen;
                }
                if (!validUtf8(b, (int) pos + 2, hKeyLen)) {
                    return "header " + h + " of record " + i + " has a key that is not valid UTF-8";
                }
                pos += 2 + hKeyLen;
                int hValueLen = b.getInt((int) pos);
                if (hValueLen < -1 || pos + 4 + Math.max(hValueLen, 0) > length) {
                    return "header " + h + " of record " + i + " has value length " + hValueLen;
                }
                pos += 4 + Math.max(hValueLen, 0);
            }
            if (pos - recordStart > maxRecordBytes) {
                throw new RecordTooLargeException(i, pos - recordStart, maxRecordBytes);
            }
        }
        if (pos != length) {
            return "records end at " + pos + " of a " + length + " byte batch";
        }
        maxTs[0] = max;
        return null;
    }

    private static boolean validUtf8(ByteBuffer b, int pos, int len) {
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = b.get(pos + i) >= 0;
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(b.duplicate().limit(pos + len).position(pos));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Position after the record starting at {@code pos} of a checked batch. */
    static int skipRecord(ByteBuffer b, int pos) {
        int p = pos + 8;
        p += 4 + Math.max(b.getInt(p), 0);
        p += 4 + b.getInt(p);
        int headerCount = b.getInt(p);
        p += 4;
        for (int h = 0; h < headerCount; h++) {
            p += 2 + b.getShort(p);
            p += 4 + Math.max(b.getInt(p), 0);
        }
        return p;
    }

    /**
     * Throws {@link RecordTooLargeException} for the first record of the checked batch in {@code b}
     * whose encoded size is above {@code max}.
     */
    static void checkRecordSizes(ByteBuffer b, int max) {
        int count = b.getInt(COUNT_AT);
        int pos = HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            int next = skipRecord(b, pos);
            if (next - pos > max) {
                throw new RecordTooLargeException(i, next - pos, max);
            }
            pos = next;
        }
    }

    /** The header's producer id, base sequence and leader epoch. */
    static BatchMeta meta(ByteBuffer b) {
        return new BatchMeta(b.getLong(PRODUCER_ID_AT), b.getInt(BASE_SEQUENCE_AT), b.getInt(LEADER_EPOCH_AT));
    }

    /** Decodes the records of a checked batch. */
    static List<LogRecord> decodeRecords(ByteBuffer b) {
        int count = b.getInt(COUNT_AT);
        List<LogRecord> out = new ArrayList<>(count);
        int pos = HEADER_SIZE;
        for (int i = 0; i < count; i++) {
            long ts = b.getLong(pos);
            pos += 8;
            byte[] key = getBytes(b, pos);
            pos += 4 + (key == null ? 0 : key.length);
            byte[] value = getBytes(b, pos);
            pos += 4 + value.length;
            int headerCount = b.getInt(pos);
            pos += 4;
            List<Header> headers;
            if (headerCount == 0) {
                headers = List.of();
            } else {
                Header[] hs = new Header[headerCount];
                for (int h = 0; h < headerCount; h++) {
                    byte[] hKey = new byte[b.getShort(pos)];
                    b.get(pos + 2, hKey);
                    pos += 2 + hKey.length;
                    byte[] hValue = getBytes(b, pos);
                    pos += 4 + (hValue == null ? 0 : hValue.length);
                    hs[h] = new Header(new String(hKey, StandardCharsets.UTF_8), hValue);
                }
                headers = List.of(hs);
            }
            out.add(new LogRecord(key, value, ts, headers));
        }
        return out;
    }

    /** Reads an i32 length at {@code pos} and that many bytes after it; null for length -1. */
    private static byte[] getBytes(ByteBuffer b, int pos) {
        int len = b.getInt(pos);
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        b.get(pos + 4, bytes);
        return bytes;
    }

    /** Decodes the records of a checked batch, with their offsets. */
    static List<LogEntry> decode(ByteBuffer b) {
        long base = b.getLong(BASE_OFFSET_AT);
        List<LogRecord> records = decodeRecords(b);
        List<LogEntry> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(new LogEntry(base + i, records.get(i)));
        }
        return out;
    }
}
