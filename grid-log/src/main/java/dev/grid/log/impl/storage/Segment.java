package dev.grid.log.impl.storage;

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
    private void rebuild(java.util.function.Consumer<RecoveryReport.Cut> cut) throws IOException {
        resetState();
        long fileSize = channel.size();
        long pos = 0;
        long next = baseOffset;
        String reason = null;
        ByteBuffer header = ByteBuffer.allocate(BatchFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        while (pos < fileSize) {
            if (fileSize - pos < BatchFormat.HEADER_SIZE) {
                reason = "torn batch header (" + (fileSize - pos) + " of " + BatchFormat.HEADER_SIZE + " bytes)";
                break;
            }
            readFully(header.clear(), pos);
            int length = header.getInt(BatchFormat.LENGTH_AT);
            if (length < BatchFormat.HEADER_SIZE + BatchFormat.RECORD_OVERHEAD) {
                reason = "batch length " + length + " is too small";
                break;
            }
            if (pos + length > fileSize) {
                reason = "torn batch: length " + length + " but only " + (fileSize - pos) + " bytes left in the file";
                break;
            }
            ByteBuffer batch = readBatch(pos, length);
            String bad = BatchFormat.check(batch);
            if (bad != null) {
                reason = bad;
                break;
            }
            long base = batch.getLong(BatchFormat.BASE_OFFSET_AT);
            if (base != next) {
                reason = "batch base offset " + base + " where " + next + " was expected";
                break;
            }
            int count = batch.getInt(BatchFormat.COUNT_AT);
            addIndexEntries(pos, length, base, count, batch.getLong(BatchFormat.MAX_TIMESTAMP_AT), batch.getInt(BatchFormat.LEADER_EPOCH_AT));
            pos += length;
            next += count;
            size = pos;
            endOffset = next;
        }
        if (reason != null) {
            channel.truncate(pos);
            cut.accept(new RecoveryReport.Cut(logFile.toString(), pos, fileSize - pos, next, reason));
        }
        writeIndexFiles();
    }

    private void resetState() {
        size = 0;
        endOffset = baseOffset;
        maxTimestamp = LogRecord.NO_TIMESTAMP;
        lastLeaderEpoch = -1;
        bytesSinceIndexEntry = 0;
        indexCount = 0;
        timeCount = 0;
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
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += length;
    }

    /** Position of the batch to start scanning at for {@code offset} (the last index entry at or before it). */
    long scanStart(long offset) {
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
        return found < 0 ? 0 : pos[found];
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

    /**
     * Reads the header of the batch at {@code pos}, checking that the batch lies within the first
     * {@code limit} bytes (the size a reader saw).
     */
    ByteBuffer readHeader(long pos, long limit) {
        if (pos + BatchFormat.HEADER_SIZE > limit) {
            throw new CorruptLogException("batch header at position " + pos + " of " + logFile + " runs past the segment's "
                    + limit + " valid bytes");
        }
        ByteBuffer header = ByteBuffer.allocate(BatchFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        try {
            readFully(header, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile + " at " + pos, e);
        }
        int length = header.getInt(BatchFormat.LENGTH_AT);
        if (length < BatchFormat.HEADER_SIZE + BatchFormat.RECORD_OVERHEAD || pos + length > limit) {
            throw new CorruptLogException("batch at position " + pos + " of " + logFile + " has length " + length
                    + ", outside the segment's " + limit + " valid bytes");
        }
        return header;
    }

    /** Reads and checks the whole batch at {@code pos} whose header says {@code length}. */
    ByteBuffer readCheckedBatch(long pos, int length, long limit) {
        if (length < BatchFormat.HEADER_SIZE || pos + length > limit) {
            throw new CorruptLogException("batch at position " + pos + " of " + logFile + " has length " + length
                    + ", past the segment's " + limit + " valid bytes");
        }
        try {
            ByteBuffer batch = readBatch(pos, length);
            String bad = BatchFormat.check(batch);
            if (bad != null) {
                throw new CorruptLogException("batch at position " + pos + " of " + logFile + " is corrupt: " + bad);
            }
            return batch;
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
        long p = pos;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                throw new IOException("unexpected end of " + logFile + " at " + p);
            }
            p += n;
        }
    }

    /**
     * Cuts the file at {@code pos} (a batch boundary) and rebuilds the state from what is left. Writer
     * thread only, with no reader running (the log holds its exclusive lock).
     */
    void truncateAt(long pos) {
        try {
            channel.truncate(pos);
            rebuild(c -> {
                throw new IllegalStateException("segment " + logFile + " is corrupt below the truncation point: " + c);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + logFile + " at " + pos, e);
        }
    }

    /** Writes the in-memory indexes to the {@code .index} and {@code .timeindex} files (derived data). */
    void writeIndexFiles() {
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

    /** Forces the segment to disk unless it was closed or deleted meanwhile (after a roll, off the appending thread). */
    void flushIfOpen() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (java.nio.channels.ClosedChannelException e) {
            // closed (retention, truncation, shutdown) while waiting: nothing left to force
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
