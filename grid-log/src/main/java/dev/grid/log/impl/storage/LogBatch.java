package dev.grid.log.impl.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * One record batch exactly as the log stores it (layout in {@code package-info.java}): what
 * {@link SegmentedLog#append(List, long, BatchMeta)} returns, what {@link SegmentedLog#readBatches}
 * streams and what {@link SegmentedLog#appendBatch} writes verbatim on a replica. The header's fields
 * are read when the batch is made; the records are decoded only by {@link #records()} and
 * {@link #entries()}.
 *
 * <p>Immutable and thread-safe. A batch is always valid: it is either made by the log from bytes it
 * checked, or by {@link #wrap(byte[])}, which checks them.
 */
public final class LogBatch {
    /** The batch's bytes, little-endian, index 0 = batch start, limit = length; never written to. */
    private final ByteBuffer bytes;
    private final long baseOffset;
    private final int recordCount;
    private final long maxTimestamp;
    private final BatchMeta meta;

    /**
     * A batch over bytes that passed {@link BatchFormat#check} (index 0 = batch start, limit = length);
     * {@code checked} is not copied and must not be written to afterwards.
     */
    LogBatch(ByteBuffer checked) {
        this.bytes = checked.duplicate().rewind().order(ByteOrder.LITTLE_ENDIAN);
        this.baseOffset = bytes.getLong(BatchFormat.BASE_OFFSET_AT);
        this.recordCount = bytes.getInt(BatchFormat.COUNT_AT);
        this.maxTimestamp = bytes.getLong(BatchFormat.MAX_TIMESTAMP_AT);
        this.meta = BatchFormat.meta(bytes);
    }

    /**
     * A batch over {@code encoded}, which must hold exactly one whole batch (as {@link #toByteArray()}
     * or {@link #encoded()} gives it, e.g. received from the partition's owner). The array is not
     * copied: the caller must not change it afterwards.
     *
     * @throws CorruptLogException naming the reason if the bytes are not one valid batch: length field
     *                             not the array's length, CRC32C mismatch, or a bad header field or
     *                             record layout
     */
    public static LogBatch wrap(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        ByteBuffer b = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        String bad = BatchFormat.check(b);
        if (bad != null) {
            throw new CorruptLogException("not a valid batch (" + encoded.length + " bytes): " + bad);
        }
        return new LogBatch(b);
    }

    /** Offset of the batch's first record. */
    public long baseOffset() {
        return baseOffset;
    }

    /** Number of records, at least 1. */
    public int recordCount() {
        return recordCount;
    }

    /** Offset of the batch's last record: {@code baseOffset() + recordCount() - 1}. */
    public long lastOffset() {
        return baseOffset + recordCount - 1;
    }

    /** The offset after the batch's last record: {@code baseOffset() + recordCount()}. */
    public long nextOffset() {
        return baseOffset + recordCount;
    }

    /** The largest timestamp of the batch's records. */
    public long maxTimestamp() {
        return maxTimestamp;
    }

    /** Producer id, base sequence and leader epoch from the batch's header. */
    public BatchMeta meta() {
        return meta;
    }

    /** Bytes of the whole batch, header included (what it takes in a {@code .log} file). */
    public int sizeInBytes() {
        return bytes.limit();
    }

    /**
     * The batch's exact stored bytes: a read-only buffer, position 0, limit {@link #sizeInBytes()},
     * in little-endian order (the format's).
     */
    public ByteBuffer encoded() {
        return bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the batch's bytes; {@link #wrap(byte[])} turns it back into the batch. */
    public byte[] toByteArray() {
        byte[] out = new byte[bytes.limit()];
        bytes.get(0, out);
        return out;
    }

    /** Writes the batch's bytes to {@code out} (from its own array when it has one, without an intermediate copy). */
    public void writeTo(java.io.DataOutput out) throws java.io.IOException {
        if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset(), bytes.limit());
        } else {
            out.write(toByteArray());
        }
    }

    /** The records, decoded now (each call decodes again). */
    public List<LogRecord> records() {
        return BatchFormat.decodeRecords(bytes);
    }

    /** The records with their offsets, decoded now (each call decodes again). */
    public List<LogEntry> entries() {
        return BatchFormat.decode(bytes);
    }

    /** A fresh writable-position view of the bytes (little-endian, position 0), e.g. to write to a file. */
    ByteBuffer writeView() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Equal when the bytes are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogBatch other && bytes.equals(other.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.hashCode();
    }

    @Override
    public String toString() {
        return "LogBatch[offsets " + baseOffset + ".." + lastOffset() + ", " + sizeInBytes() + " bytes, maxTimestamp " + maxTimestamp
                + ", " + meta + "]";
    }
}
