package dev.grid.log.impl.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads one segment's batches in file order a chunk at a time: one read of the file brings in every header and batch
 * within up to {@code chunkBytes}, where reading each batch on its own took two reads (two system calls) per batch.
 * With a producer's small batches that was most of a replication read's or a consumer read's time on the partition
 * thread, and most of the background check of a rolled segment.
 *
 * <p>Each chunk is a fresh array and is never written again, so the batches handed out are views of it that callers may
 * keep ({@link LogBatch} handles a view). One thread, one walk; the segment stays open meanwhile (the log's shared lock).
 * A batch larger than a chunk gets a chunk of its own size.
 */
final class SegmentReader {
    private final Segment segment;
    private final int chunkBytes;
    private ByteBuffer chunk;
    /** File position of the chunk's first byte. */
    private long chunkStart = -1;

    /** @param chunkBytes the most bytes one read of the file brings in (at least a batch header) */
    SegmentReader(Segment segment, int chunkBytes) {
        this.segment = segment;
        this.chunkBytes = Math.max(chunkBytes, BatchFormat.HEADER_SIZE);
    }

    /**
     * The header of the batch at {@code pos} (a view), checked: the batch's length is plausible and the batch lies within
     * the first {@code limit} bytes (the size a reader saw).
     *
     * @throws CorruptLogException if the batch does not lie within {@code limit}, or the file ends first (truncated)
     */
    ByteBuffer header(long pos, long limit) {
        if (pos + BatchFormat.HEADER_SIZE > limit) {
            throw new CorruptLogException(segment.logFile, pos, "its header runs past the segment's " + limit + " valid bytes");
        }
        ByteBuffer header = view(pos, BatchFormat.HEADER_SIZE, limit);
        int length = header.getInt(BatchFormat.LENGTH_AT);
        if (length < BatchFormat.HEADER_SIZE + BatchFormat.RECORD_OVERHEAD || pos + length > limit) {
            throw new CorruptLogException(segment.logFile, pos, "its length " + length + " is outside the segment's " + limit + " valid bytes");
        }
        return header;
    }

    /**
     * The whole batch at {@code pos} whose header says {@code length}, checked ({@link BatchFormat#check}); a view the
     * caller may keep (index 0 = batch start, limit = length).
     *
     * @throws CorruptLogException if it fails {@link BatchFormat#check} or the file ends before it (truncated)
     */
    ByteBuffer checkedBatch(long pos, int length, long limit) {
        if (length < BatchFormat.HEADER_SIZE || pos + length > limit) {
            throw new CorruptLogException(segment.logFile, pos, "its length " + length + " is past the segment's " + limit + " valid bytes");
        }
        ByteBuffer batch = view(pos, length, limit);
        String bad = BatchFormat.check(batch);
        if (bad != null) {
            throw new CorruptLogException(segment.logFile, pos, bad);
        }
        return batch;
    }

    /**
     * Bytes {@code [pos, pos + length)} of the file, from the chunk holding them (read now if none does).
     *
     * @throws CorruptLogException naming {@code pos} if the file ends before them (truncated)
     */
    private ByteBuffer view(long pos, int length, long limit) {
        if (!holds(pos, length)) {
            fill(pos, length, limit);
            if (!holds(pos, length)) {
                throw segment.truncatedAt(pos);
            }
        }
        return chunk.slice((int) (pos - chunkStart), length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private boolean holds(long pos, int length) {
        return chunk != null && pos >= chunkStart && pos + length <= chunkStart + chunk.limit();
    }

    /**
     * Reads the next chunk from {@code pos}: as much as {@code limit} and the chunk size allow, and at least the
     * {@code length} bytes a view wants (they end within {@code limit}), or up to the end of a truncated file.
     */
    private void fill(long pos, int length, long limit) {
        ByteBuffer next = ByteBuffer.allocate((int) Math.min(Math.max(chunkBytes, length), limit - pos));
        segment.readAvailable(next, pos);
        chunk = next.flip();
        chunkStart = pos;
    }
}
