package dev.grid.log.impl.storage;

import dev.grid.log.Header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A batch as a producer builds it: records encoded one by one in the stored layout (see {@code package-info.java}) as they
 * are sent, so a producer holds bytes rather than record objects, and the owner stores the batch without decoding its
 * records. The owner completes it ({@link BatchFormat#seal}): base offset, leader epoch, append time for records
 * without a timestamp, largest timestamp and CRC32C. Until then a record's timestamp may be {@link LogRecord#NO_TIMESTAMP}.
 *
 * <p>Not thread-safe.
 */
public final class BatchDraft {
    private static final int DEFAULT_CAPACITY = 1024;
    private byte[] bytes;
    private ByteBuffer buffer;
    private int count;

    public BatchDraft() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity bytes to start with (it grows as records are added) */
    public BatchDraft(int capacity) {
        bytes = new byte[Math.max(BatchFormat.HEADER_SIZE + BatchFormat.RECORD_OVERHEAD, capacity)];
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(BatchFormat.HEADER_SIZE);
    }

    /** A draft of these records (tests, and callers that have records at hand). */
    public static byte[] of(List<LogRecord> records, long producerId, int sequence) {
        BatchDraft draft = new BatchDraft();
        records.forEach(draft::add);
        return draft.toBytes(producerId, sequence);
    }

    /** Encodes a record (its timestamp may be {@link LogRecord#NO_TIMESTAMP}) after the ones added before. */
    public void add(LogRecord record) {
        ensureRoom(record.encodedSize());
        buffer.putLong(record.timestamp());
        putBytes(record.key());
        putBytes(record.value());
        buffer.putInt(record.headers().size());
        for (Header h : record.headers()) {
            byte[] key = h.key().getBytes(StandardCharsets.UTF_8);
            buffer.putShort((short) key.length).put(key);
            putBytes(h.value());
        }
        count++;
    }

    private void putBytes(byte[] b) {
        if (b == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(b.length).put(b);
        }
    }

    private void ensureRoom(int more) {
        long needed = (long) buffer.position() + more;
        if (needed <= bytes.length) {
            return;
        }
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + needed + " bytes is too large");
        }
        int position = buffer.position();
        bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(position);
    }

    /** @return the records added */
    public int recordCount() {
        return count;
    }

    /** @return bytes of the batch so far, its header included */
    public int sizeInBytes() {
        return buffer.position();
    }

    /**
     * @return a copy of the draft, exactly its size, its header naming the producer, the sequence and the record count
     *         (the owner fills in the rest)
     * @throws IllegalStateException if no record was added
     */
    public byte[] toBytes(long producerId, int sequence) {
        if (count == 0) {
            throw new IllegalStateException("a batch needs at least one record");
        }
        int size = buffer.position();
        ByteBuffer copy = ByteBuffer.wrap(Arrays.copyOf(bytes, size)).order(ByteOrder.LITTLE_ENDIAN);
        copy.putInt(BatchFormat.LENGTH_AT, size);
        copy.putInt(BatchFormat.COUNT_AT, count);
        copy.putLong(BatchFormat.MAX_TIMESTAMP_AT, LogRecord.NO_TIMESTAMP);
        copy.putLong(BatchFormat.PRODUCER_ID_AT, producerId);
        copy.putInt(BatchFormat.BASE_SEQUENCE_AT, sequence);
        return copy.array();
    }
}
