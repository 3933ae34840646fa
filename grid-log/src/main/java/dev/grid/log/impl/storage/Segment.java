package dev.grid.log.impl.storage;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One segment: its {@code .log} file and its sparse offset and time indexes, held in memory and written
 * to {@code .index}/{@code .timeindex} when the segment is sealed, truncated, recovered or closed.
 *
 * <p>Written by the single writer thread only. {@link #size} and {@link #endOffset} are volatile and
 * published after the bytes and index entries they cover, so a reader sees a consistent prefix.
 */
final class Segment {
    static final String LOG = ".log";
    static final String INDEX = ".index";
    static final String TIME_INDEX = ".timeindex";

    final long baseOffset;
    final Path logFile;
    private final FileChannel channel;
    private final int indexIntervalBytes;

    /** Bytes of valid batches in the file. */
    private volatile long size;
    /** The offset after the last record. */
    private volatile long endOffset;
    /** Largest record timestamp in the segment, {@link LogRecord#NO_TIMESTAMP} while empty. */
    private volatile long maxTimestamp = LogRecord.NO_TIMESTAMP;
    /** Leader epoch of the last batch, -1 while empty; written before {@link #endOffset} is published. */
    private volatile int lastLeaderEpoch = -1;
    private long bytesSinceIndexEntry;

    // offset index: (relative offset of a batch's first record, position of the batch)
    private volatile int[] indexRel = new int[16];
    private volatile int[] indexPos = new int[16];
    private volatile int indexCount;
    /** Changes of the indexes so far (an entry added, a reset), and how many the index files on disk show. */
    private volatile int indexChanges;
    private volatile int indexChangesWritten = -1;
    // time index: (largest timestamp so far in the segment, relative offset of the batch's last record)
    private volatile long[] timeTs = new long[16];
    private volatile int[] timeRel = new int[16];
    private volatile int timeCount;

    private Segment(long baseOffset, Path logFile, FileChannel channel, int indexIntervalBytes) {
        this.baseOffset = baseOffset;
        this.logFile = logFile;
        this.channel = channel;
        this.indexIntervalBytes = indexIntervalBytes;
        this.endOffset = baseOffset;
    }

    static String fileName(long baseOffset, String suffix) {
        return String.format("%020d%s", baseOffset, suffix);
    }

    /** Creates an empty segment (or empties an existing file of that name). */
    static Segment create(Path dir, long baseOffset, int indexIntervalBytes) {
        Path file = dir.resolve(fileName(baseOffset, LOG));
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Segment s = new Segment(baseOffset, file, ch, indexIntervalBytes);
            s.writeIndexFiles();      // empty: the three files exist from the start
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create segment " + file, e);
        }
    }

    /**
     * Opens an existing segment file and rebuilds its state by checking every batch (length, CRC32C,
     * dense offsets from the base offset); the file is cut at the first batch that fails.
     *
     * @return the segment; {@code cut} receives the cut, if any
     */
    static Segment recover(Path file, long baseOffset, int indexIntervalBytes, java.util.function.Consumer<RecoveryReport.Cut> cut) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Segment s = new Segment(baseOffset, file, ch, indexIntervalBytes);
            s.rebuild(cut);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open segment " + file, e);
        }
    }

    /** Scans the file from position 0, rebuilding size, end offset, max timestamp and indexes; cuts a bad tail. */
    private RecoveryReport.Cut rebuild(java.util.function.Consumer<RecoveryReport.Cut> cut) throws IOException {
        resetState();
        long fileSize = channel.size();
        Corruption bad = scan(fileSize, true);
        RecoveryReport.Cut done = null;
        if (bad != null) {
            channel.truncate(bad.position());
            done = new RecoveryReport.Cut(logFile.toString(), bad.position(), fileSize - bad.position(), bad.offset(), bad.reason());
            cut.accept(done);
        }
        writeIndexFiles();
        return done;
    }

    /**
     * Walks the batches from position 0 up to {@code limit}: each must fit below {@code limit} and in the file,
     * pass {@link BatchFormat#check} and start at the offset after the previous one.
     *
     * @param rebuild whether to rebuild the in-memory state (size, end offset, indexes) from the good batches
     * @return the first batch that fails, or null
     */
    private Corruption scan(long limit, boolean rebuild) throws IOException {
        long fileSize = channel.size();
        long pos = 0;
        long next = baseOffset;
        ByteBuffer header = ByteBuffer.allocate(BatchFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        while (pos < limit) {
            String reason = null;
            int length = 0;
            ByteBuffer batch = null;
            if (limit - pos < BatchFormat.HEADER_SIZE) {
                reason = "torn batch header (" + (limit - pos) + " of " + BatchFormat.HEADER_SIZE + " bytes)";
            } else if (fileSize - pos < BatchFormat.HEADER_SIZE) {
                reason = truncated(fileSize);
            } else {
                readFully(header.clear(), pos);
                length = header.getInt(BatchFormat.LENGTH_AT);
                if (length < BatchFormat.HEADER_SIZE + BatchFormat.RECORD_OVERHEAD) {
                    reason = "batch length " + length + " is too small";
                } else if (pos + length > limit) {
                    reason = "torn batch: length " + length + " but only " + (limit - pos) + " bytes left in the file";
                } else if (pos + length > fileSize) {
                    reason = truncated(fileSize);
                } else {
                    batch = readBatch(pos, length);
                    reason = BatchFormat.check(batch);
                    if (reason == null && batch.getLong(BatchFormat.BASE_OFFSET_AT) != next) {
                        reason = "batch base offset " + batch.getLong(BatchFormat.BASE_OFFSET_AT) + " where " + next + " was expected";
                    }
                }
            }
            if (reason != null) {
                return new Corruption(logFile.toString(), pos, next, reason);
            }
            int count = batch.getInt(BatchFormat.COUNT_AT);
            if (rebuild) {
                addIndexEntries(pos, length, next, count, batch.getLong(BatchFormat.MAX_TIMESTAMP_AT), batch.getInt(BatchFormat.LEADER_EPOCH_AT));
                size = pos + length;
                endOffset = next + count;
            }
            pos += length;
            next += count;
        }
        return null;
    }

    private String truncated(long fileSize) {
        return "the file is truncated: it ends at byte " + fileSize + " but holds " + size + " bytes of batches";
    }

    /**
     * The first batch of the segment, from position 0 up to its size, that fails its checks or is missing from a
     * truncated file; null if every batch is sound. Read-only: safe on any thread while the segment is open.
     */
    Corruption findCorruption() {
        try {
            return scan(size, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    /**
     * Scans the segment from position 0 as recovery on open does and cuts the file at the first batch that fails
     * (writer thread, no reader running: the log holds its exclusive lock).
     *
     * @return the cut, or null if every batch is sound
     */
    RecoveryReport.Cut cutAtFirstBadBatch() {
        long sizeBefore = size;
        long endBefore = endOffset;
        try {
            RecoveryReport.Cut cut = rebuild(c -> { });
            if (cut == null && endOffset < endBefore) {
                // a file truncated exactly at a batch boundary: sound as far as it goes, but batches are missing
                cut = new RecoveryReport.Cut(logFile.toString(), size, sizeBefore - size, endOffset,
                        "the file is truncated: it ends at byte " + size + " but held " + sizeBefore + " bytes of batches");
            }
            return cut;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + logFile, e);
        }
    }

    private void resetState() {
        size = 0;
        endOffset = baseOffset;
        maxTimestamp = LogRecord.NO_TIMESTAMP;
        lastLeaderEpoch = -1;
        bytesSinceIndexEntry = 0;
        indexCount = 0;
        timeCount = 0;
        indexChanges++;
    }

    long size() {
        return size;
    }

    long endOffset() {
        return endOffset;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    /** The leader epoch of the segment's last batch, -1 when it has none. */
    int lastLeaderEpoch() {
        return lastLeaderEpoch;
    }

    boolean isEmpty() {
        return endOffset == baseOffset;
    }

    /**
     * Appends the checked batch {@code batch} (its bytes from position 0; the buffer's position is
     * consumed), whose base offset is {@link #endOffset()}. Writer thread only.
     */
    void append(ByteBuffer batch, int count, long batchMaxTs, int leaderEpoch) {
        long pos = size;
        int length = batch.remaining();
        try {
            while (batch.hasRemaining()) {
                channel.write(batch, pos + (length - batch.remaining()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + logFile, e);
        }
        addIndexEntries(pos, length, endOffset, count, batchMaxTs, leaderEpoch);
        size = pos + length;          // publish: bytes first, then size, then end offset
        endOffset = endOffset + count;
    }

    private void addIndexEntries(long pos, int length, long batchBase, int count, long batchMaxTs, int leaderEpoch) {
        lastLeaderEpoch = leaderEpoch;
        if (batchMaxTs > maxTimestamp) {
            maxTimestamp = batchMaxTs;
        }
        if (indexCount == 0 || bytesSinceIndexEntry >= indexIntervalBytes) {
            int n = indexCount;
            if (n == indexRel.length) {
                indexRel = Arrays.copyOf(indexRel, n * 2);
                indexPos = Arrays.copyOf(indexPos, n * 2);
            }
            indexRel[n] = (int) (batchBase - baseOffset);
            indexPos[n] = (int) pos;
            int t = timeCount;
            if (t == timeRel.length) {
                timeTs = Arrays.copyOf(timeTs, t * 2);
                timeRel = Arrays.copyOf(timeRel, t * 2);
            }
            // the entry at the batch's last record: every record up to it has a timestamp <= maxTimestamp
            timeTs[t] = maxTimestamp;
            timeRel[t] = (int) (batchBase + count - 1 - baseOffset);
            timeCount = t + 1;
            indexCount = n + 1;
            indexChanges++;
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += length;
    }

    /** Position of the batch to start scanning at for {@code offset} (the last index entry at or before it). */
    long scanStart(long offset) {
        return scanPoint(offset)[0];
    }

    /**
     * The last index entry at or before {@code offset}: {@code {position, offset of that batch's first record}}, so a
     * reader walking on from it knows the offset each batch must start at.
     */
    long[] scanPoint(long offset) {
        int n = indexCount;          // volatile read first: the arrays seen afterwards hold n entries
        int[] rel = indexRel;
        int[] pos = indexPos;
        long target = offset - baseOffset;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rel[mid] <= target) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? new long[] {0, baseOffset} : new long[] {pos[found], baseOffset + rel[found]};
    }

    /** The first offset whose record may have a timestamp >= ts, from the time index. */
    long timeScanStart(long ts) {
        int n = timeCount;
        long[] tss = timeTs;
        int[] rel = timeRel;
        // last entry with maxTimestampSoFar < ts: every record up to it is older than ts
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tss[mid] < ts) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? baseOffset : baseOffset + rel[found] + 1;
    }

    /** @return the error for a batch at {@code pos} that the file ends before */
    CorruptLogException truncatedAt(long pos) {
        long fileSize;
        try {
            fileSize = channel.size();
        } catch (IOException sizeUnknown) {
            fileSize = -1;
        }
        return new CorruptLogException(logFile, pos, truncated(fileSize));
    }

    /** Reads from {@code pos} into {@code b} until it is full or the file ends (a truncated segment: the caller names the batch). */
    void readAvailable(ByteBuffer b, long pos) {
        try {
            readUpTo(b, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile + " at " + pos, e);
        }
    }

    private ByteBuffer readBatch(long pos, int length) throws IOException {
        ByteBuffer batch = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(batch, pos);
        return batch.clear();
    }

    private void readFully(ByteBuffer b, long pos) throws IOException {
        if (!readUpTo(b, pos)) {
            throw new EOFException("unexpected end of " + logFile + " at " + (pos + b.position()));
        }
    }

    /** @return whether {@code b} was filled from {@code pos}; false when the file ended first */
    private boolean readUpTo(ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                return false;
            }
            p += n;
        }
        return true;
    }

    /**
     * Cuts the file at {@code pos} (a batch boundary) and rebuilds the state from what is left. Writer
     * thread only, with no reader running (the log holds its exclusive lock).
     *
     * @return null, or the cut below {@code pos} that rebuilding had to make because a batch there is bad
     */
    RecoveryReport.Cut truncateAt(long pos) {
        try {
            channel.truncate(pos);
            return rebuild(c -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + logFile + " at " + pos, e);
        }
    }

    /** @return whether the index files on disk hold the indexes as they are now */
    boolean indexFilesCurrent() {
        return indexChangesWritten == indexChanges;
    }

    /**
     * Writes the in-memory indexes to the {@code .index} and {@code .timeindex} files (derived data); synchronized: the
     * sealing thread and a flush may both call it.
     */
    synchronized void writeIndexFiles() {
        int changes = indexChanges;
        int n = indexCount;
        ByteBuffer idx = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            idx.putInt(indexRel[i]).putInt(indexPos[i]);
        }
        int t = timeCount;
        ByteBuffer tim = ByteBuffer.allocate(t * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < t; i++) {
            tim.putLong(timeTs[i]).putInt(timeRel[i]);
        }
        try {
            Files.write(sibling(INDEX), idx.array());
            Files.write(sibling(TIME_INDEX), tim.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the indexes of " + logFile, e);
        }
        indexChangesWritten = changes;
    }

    Path sibling(String suffix) {
        return logFile.resolveSibling(fileName(baseOffset, suffix));
    }

    void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + logFile, e);
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + logFile, e);
        }
    }

    /** Closes and deletes the segment's three files. */
    void delete() {
        close();
        try {
            Files.deleteIfExists(logFile);
            Files.deleteIfExists(sibling(INDEX));
            Files.deleteIfExists(sibling(TIME_INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete segment " + logFile, e);
        }
    }

    @Override
    public String toString() {
        return "Segment[" + logFile.getFileName() + ", offsets " + baseOffset + ".." + endOffset + ", " + size + " bytes]";
    }
}
