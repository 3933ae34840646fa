package dev.grid.log.impl.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The storage of one log-partition replica: a directory of segments (see {@code package-info.java} for
 * the files and the batch format). Offsets are dense from the start offset; {@link #endOffset()} is the
 * offset the next appended record gets.
 *
 * <p><b>Replication.</b> The partition's owner appends records with {@link #append(List, long, BatchMeta)},
 * which returns the stored {@link LogBatch}; {@link #readBatches} streams whole stored batches, and a
 * replica writes them verbatim with {@link #appendBatch}, so replicas hold byte-identical batches at
 * the same offsets. A replica too far behind restarts from the owner's start offset with
 * {@link #resetTo}; {@link #lastLeaderEpoch()} is the epoch of the last batch.
 *
 * <p><b>Thread-safety.</b> One writer thread (the partition thread) calls {@link #append},
 * {@link #appendBatch}, {@link #truncateTo}, {@link #resetTo}, {@link #deleteSegmentsBefore},
 * {@link #applyRetention}, {@link #flush} and {@link #close}; these must not be called concurrently
 * with each other. {@link #read}, {@link #readBatches}, {@link #offsetForTimestamp},
 * {@link #startOffset()}, {@link #endOffset()} and {@link #lastLeaderEpoch()} may be called from any
 * thread at any time:
 * <ul>
 *   <li>concurrently with {@code append} and {@code appendBatch}, without blocking them: an append
 *       publishes its records (the segment list, then the segment's size and end offset, all volatile)
 *       only after their bytes and index entries are written, so a reader sees the log as of some
 *       append, never a partial batch;</li>
 *   <li>truncation, reset, retention and close take an exclusive lock that reads share, so a read sees
 *       the log entirely before or entirely after them (a read after close fails with
 *       {@link IllegalStateException}).</li>
 * </ul>
 */
public final class SegmentedLog implements AutoCloseable {
    private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{20})\\.log");

    private final Path dir;
    private final LogStorageConfig config;
    private final LogDiskBudget budget;
    private final RecoveryReport recoveryReport;
    /** Segments in offset order; replaced, never changed in place. The last one is the active segment. */
    private volatile List<Segment> segments;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile Consumer<CorruptLogException> rolledCorrupt;
    /** Bytes of a rolled segment checked per hold of the shared lock. */
    private static final int ROLL_CHECK_STEP_BYTES = 256 << 10;
    /** The most bytes one read of a segment file brings in for a walk over its batches ({@link SegmentReader}). */
    private static final int READ_CHUNK_BYTES = 256 << 10;
    /** The least: a read for a few bytes of records still takes whole small batches in one go. */
    private static final int MIN_READ_CHUNK_BYTES = 8 << 10;

    private SegmentedLog(Path dir, LogStorageConfig config, LogDiskBudget budget, List<Segment> segments, RecoveryReport report) {
        this.dir = dir;
        this.config = config;
        this.budget = budget;
        this.segments = List.copyOf(segments);
        this.recoveryReport = report;
    }

    /** Opens the log in {@code dir} with the default settings; see {@link #open(Path, LogStorageConfig)}. */
    public static SegmentedLog open(Path dir) {
        return open(dir, LogStorageConfig.DEFAULT);
    }

    /**
     * Opens (creating if needed) the log in {@code dir}. Every segment is scanned: each batch's length
     * is checked against the file and its CRC32C verified, and offsets must be dense. At the first batch
     * that fails, that segment is cut and every later segment deleted; {@link #recoveryReport()} says
     * what was cut. (A recovery point that skips the scan of flushed segments is left for later.)
     * The {@code .index}/{@code .timeindex} files are rewritten from the scan. The log has no disk
     * budget of its own (an unlimited {@link LogDiskBudget} counts its bytes).
     */
    public static SegmentedLog open(Path dir, LogStorageConfig config) {
        return open(dir, config, LogDiskBudget.unlimited());
    }

    /**
     * Opens the log as {@link #open(Path, LogStorageConfig)} does, sharing the member's {@code budget}:
     * the recovered {@code .log} bytes are counted in it (even above its limit, see
     * {@link LogDiskBudget}), and appends are refused once the member's logs would go over it.
     */
    public static SegmentedLog open(Path dir, LogStorageConfig config, LogDiskBudget budget) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(budget, "budget");
        try {
            Files.createDirectories(dir);
            List<Long> bases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    Matcher m = SEGMENT_NAME.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        bases.add(Long.parseLong(m.group(1)));
                    }
                });
            }
            bases.sort(null);
            List<RecoveryReport.Cut> cuts = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < bases.size(); i++) {
                long base = bases.get(i);
                Path file = dir.resolve(Segment.fileName(base, Segment.LOG));
                if (!segments.isEmpty()) {
                    long expected = segments.get(segments.size() - 1).endOffset();
                    if (base != expected) {
                        deleteFrom(dir, bases.subList(i, bases.size()), expected,
                                "segment base offset " + base + " does not follow the previous segment's end offset " + expected, cuts);
                        break;
                    }
                }
                int before = cuts.size();
                Segment s = Segment.recover(file, base, config.indexIntervalBytes(), cuts::add);
                segments.add(s);
                if (cuts.size() > before && i + 1 < bases.size()) {
                    deleteFrom(dir, bases.subList(i + 1, bases.size()), s.endOffset(), "follows a segment that was cut", cuts);
                    break;
                }
            }
            // a cut can leave empty segments at the tail: keep only the first of them (it stays active)
            while (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty() && segments.get(segments.size() - 2).isEmpty()) {
                segments.remove(segments.size() - 1).delete();
            }
            if (segments.isEmpty()) {
                segments.add(Segment.create(dir, 0, config.indexIntervalBytes()));
            }
            SegmentedLog log = new SegmentedLog(dir, config, budget, segments, new RecoveryReport(cuts));
            budget.add(log.sizeInBytes());
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log in " + dir, e);
        }
    }

    private static void deleteFrom(Path dir, List<Long> bases, long fromOffset, String reason, List<RecoveryReport.Cut> cuts)
            throws IOException {
        for (long base : bases) {
            Path file = dir.resolve(Segment.fileName(base, Segment.LOG));
            long bytes = Files.size(file);
            Files.delete(file);
            Files.deleteIfExists(dir.resolve(Segment.fileName(base, Segment.INDEX)));
            Files.deleteIfExists(dir.resolve(Segment.fileName(base, Segment.TIME_INDEX)));
            cuts.add(new RecoveryReport.Cut(file.toString(), 0, bytes, fromOffset, "segment deleted: " + reason));
        }
    }

    /** What {@link #open} cut while recovering; {@link RecoveryReport#clean()} after a clean close. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    public Path directory() {
        return dir;
    }

    /** The earliest offset still in the log (moves up with retention). */
    public long startOffset() {
        return segments.get(0).baseOffset;
    }

    /** The offset the next appended record will get (one past the last record). */
    public long endOffset() {
        List<Segment> s = segments;
        return s.get(s.size() - 1).endOffset();
    }

    /** The member's disk budget this log counts its bytes in. */
    public LogDiskBudget diskBudget() {
        return budget;
    }

    /** Bytes of all segments' {@code .log} files (what the {@link LogDiskBudget} counts for this log). */
    public long sizeInBytes() {
        long total = 0;
        for (Segment s : segments) {
            total += s.size();
        }
        return total;
    }

    /** Number of segments, the active one included. */
    public int segmentCount() {
        return segments.size();
    }

    /** Base offsets of the segments, in order; the last is the active segment's. */
    public List<Long> segmentBaseOffsets() {
        return segments.stream().map(s -> s.baseOffset).toList();
    }

    /**
     * Appends the records as one batch without producer or epoch ({@link BatchMeta#NONE}) and returns
     * the offset of the first; see {@link #append(List, long, BatchMeta)}.
     */
    public long append(List<LogRecord> records, long appendTimeMillis) {
        return append(records, appendTimeMillis, BatchMeta.NONE).baseOffset();
    }

    /**
     * Appends the records as one batch carrying {@code meta} in its header and returns the stored batch:
     * its first record has offset {@link #endOffset()} as it was, the others follow densely.
     * A record with {@link LogRecord#NO_TIMESTAMP} is stamped with {@code appendTimeMillis}. The active
     * segment rolls first if the batch would take it past {@link LogStorageConfig#segmentBytes()}.
     * The batch's bytes are reserved in the {@link LogDiskBudget} before anything is written (the log
     * does not apply retention early to make room: its retention limits belong to the caller, which
     * may apply retention and retry).
     *
     * @throws LogDiskBudgetExceededException if the batch would take the member's logs over its disk
     *                                  budget; nothing of the batch is written and the log is unchanged
     * @throws RecordTooLargeException  if a record is above {@link LogStorageConfig#maxRecordBytes()}
     * @throws IllegalArgumentException if {@code records} is empty or {@code appendTimeMillis} negative
     */
    public LogBatch append(List<LogRecord> records, long appendTimeMillis, BatchMeta meta) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(meta, "meta");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("cannot append an empty batch");
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) {
                throw new NullPointerException("record " + i + " of the batch is null");
            }
        }
        // the producers' path, so that there is one: sealing checks each record's size
        return appendDraft(BatchDraft.of(records, meta.producerId(), meta.baseSequence()), appendTimeMillis, meta, false);
    }

    /**
     * Appends a producer's {@link BatchDraft} as one batch, without decoding its records: as
     * {@link #append(List, long, BatchMeta)}, the draft completed in place by {@link BatchFormat#seal}
     * (records without a timestamp, or every record with {@code stampAll}, get {@code appendTimeMillis}).
     *
     * @param draft what {@link BatchDraft#toBytes} made, possibly received from a producer; the log
     *              owns it afterwards (a replica may be sent the very array)
     * @throws IllegalArgumentException       naming the reason, if the draft is malformed or
     *                                        {@code appendTimeMillis} negative; the log is unchanged
     * @throws RecordTooLargeException        if a record is above {@link LogStorageConfig#maxRecordBytes()}
     * @throws LogDiskBudgetExceededException if the batch would take the member's logs over its disk budget
     */
    public LogBatch appendDraft(byte[] draft, long appendTimeMillis, BatchMeta meta, boolean stampAll) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(meta, "meta");
        if (appendTimeMillis < 0) {
            throw new IllegalArgumentException("appendTimeMillis " + appendTimeMillis + " is negative");
        }
        checkOpen();
        LogBatch batch = BatchFormat.seal(ByteBuffer.wrap(draft).order(ByteOrder.LITTLE_ENDIAN), endOffset(), meta, appendTimeMillis,
                stampAll, config.maxRecordBytes());
        write(batch);
        return batch;
    }

    /**
     * Appends a batch exactly as another log stored it (the replica's path: the batch comes from the
     * owner's {@link #readBatches} or {@link #append(List, long, BatchMeta)}, possibly through
     * {@link LogBatch#wrap(byte[])}): its bytes are written verbatim, header, timestamps and meta
     * included. Otherwise as {@link #append(List, long, BatchMeta)}: the budget is reserved first, each
     * record is checked against {@link LogStorageConfig#maxRecordBytes()}, the active segment rolls by
     * size, the indexes are updated.
     *
     * @throws IllegalStateException          if the batch's base offset is not {@link #endOffset()} (the
     *                                        message names both); the log is unchanged
     * @throws LogDiskBudgetExceededException if the batch would take the member's logs over its disk
     *                                        budget; the log is unchanged
     * @throws RecordTooLargeException        if a record is above {@link LogStorageConfig#maxRecordBytes()};
     *                                        the log is unchanged
     */
    public void appendBatch(LogBatch batch) {
        Objects.requireNonNull(batch, "batch");
        checkOpen();
        long end = endOffset();
        if (batch.baseOffset() != end) {
            throw new IllegalStateException("cannot append the batch of offsets " + batch.baseOffset() + ".." + batch.lastOffset()
                    + " to the log in " + dir + ": its base offset " + batch.baseOffset() + " is not the log end offset " + end);
        }
        BatchFormat.checkRecordSizes(batch.writeView(), config.maxRecordBytes());
        write(batch);
    }

    /**
     * Writes a valid batch whose base offset is the end offset: reserves its bytes in the budget, rolls
     * the active segment if the batch would take it past the segment size, appends.
     */
    private void write(LogBatch batch) {
        int length = batch.sizeInBytes();
        budget.reserve(dir, length);
        boolean appended = false;
        try {
            Segment active = active();
            if (!active.isEmpty() && active.size() + length > config.segmentBytes()) {
                active = roll();
            }
            active.append(batch.writeView(), batch.recordCount(), batch.maxTimestamp(), batch.meta().leaderEpoch());
            appended = true;
        } finally {
            if (!appended) {
                budget.release(length);
            }
        }
    }

    private Segment active() {
        List<Segment> s = segments;
        return s.get(s.size() - 1);
    }

    private Segment roll() {
        Segment old = active();
        // not forced to disk: a member never reloads its files (a restarted one starts empty and copies from the
        // replicas), so an fsync would buy nothing, and forcing a 64 MiB segment stalled appends and reads of the
        // same disk for seconds (grid bench log, one member at 50,000 records/s: p99 2.1 s with it, 18 ms without).
        // Its index files are written and its batches checked once, off the appending thread: on the partition's
        // thread the index files took 2-11 ms, and a check at full speed (100-160 ms of CPU per 64 MiB) on the owner
        // and its backup at once took both cores of a small machine from everything else
        Segment fresh = Segment.create(dir, old.endOffset(), config.indexIntervalBytes());
        List<Segment> next = new ArrayList<>(segments);
        next.add(fresh);
        segments = List.copyOf(next);
        // after the fresh segment is published: the sealing thread takes only a segment that is no longer the last
        RolledSegmentChecks.sealLater(() -> sealRolled(old));
        return fresh;
    }

    /**
     * Reads records from {@code fromOffset} on, at most {@code maxRecords} of them and, beyond the first,
     * at most {@code maxBytes} of encoded records ({@link LogRecord#encodedSize()}): the first record is
     * returned even if it is larger, as Kafka does, so a reader always makes progress. Reading at
     * {@link #endOffset()} returns an empty list.
     *
     * @throws LogOffsetOutOfRangeException if {@code fromOffset} is below {@link #startOffset()} or above
     *                                      {@link #endOffset()}
     * @throws IllegalArgumentException     if {@code maxRecords} is not positive or {@code maxBytes} negative
     * @throws CorruptLogException          if the first batch read fails its checks (a bad batch after good ones
     *                                      ends the read: the records before it are returned)
     */
    public List<LogEntry> read(long fromOffset, int maxRecords, int maxBytes) {
        if (maxRecords <= 0) {
            throw new IllegalArgumentException("maxRecords " + maxRecords + " must be positive");
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is negative");
        }
        return collect("read", fromOffset, (segs, out) -> {
            long[] bytes = {0};
            scan(segs, fromOffset, chunkFor(maxBytes), (s, pos, length, limit) -> {
                for (LogEntry e : BatchFormat.decode(s.checkedBatch(pos, length, limit))) {
                    if (e.offset() < fromOffset) {
                        continue;
                    }
                    int size = e.record().encodedSize();
                    if (out.size() == maxRecords || (!out.isEmpty() && bytes[0] + size > maxBytes)) {
                        return false;
                    }
                    out.add(e);
                    bytes[0] += size;
                }
                return true;
            });
        });
    }

    /**
     * Reads whole stored batches, in offset order, from the one holding {@code fromOffset} (which may
     * start below it) on, without decoding their records: each batch's CRC32C and layout are checked.
     * Stops before a batch that would take the total of {@link LogBatch#sizeInBytes()} past
     * {@code maxBytes}, except that the first batch is always returned, so a reader always makes
     * progress. Reading at {@link #endOffset()} returns an empty list.
     *
     * @throws LogOffsetOutOfRangeException if {@code fromOffset} is below {@link #startOffset()} or above
     *                                      {@link #endOffset()}
     * @throws IllegalArgumentException     if {@code maxBytes} is negative
     * @throws CorruptLogException          if the first batch read fails its CRC32C or layout check (a bad batch
     *                                      after good ones ends the read: the batches before it are returned)
     */
    public List<LogBatch> readBatches(long fromOffset, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is negative");
        }
        return collect("readBatches", fromOffset, (segs, out) -> {
            long[] bytes = {0};
            scan(segs, fromOffset, chunkFor(maxBytes), (s, pos, length, limit) -> {
                if (!out.isEmpty() && bytes[0] + length > maxBytes) {
                    return false;
                }
                out.add(new LogBatch(s.checkedBatch(pos, length, limit)));
                bytes[0] += length;
                return true;
            });
        });
    }

    /**
     * Runs {@code reader} under the read lock once {@code fromOffset} is known to be in the log. A bad batch after good
     * ones ends the read with what came before it (the next read starts at the bad batch and fails); a bad first batch
     * throws.
     */
    private <T> List<T> collect(String what, long fromOffset, BiConsumer<List<Segment>, List<T>> reader) {
        lock.readLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            long start = segs.get(0).baseOffset;
            long end = segs.get(segs.size() - 1).endOffset();
            if (fromOffset < start || fromOffset > end) {
                throw new LogOffsetOutOfRangeException(what, fromOffset, start, end);
            }
            List<T> out = new ArrayList<>();
            try {
                reader.accept(segs, out);
            } catch (CorruptLogException e) {
                if (out.isEmpty()) {
                    throw e;
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What a {@link #scan} does with a batch that ends after the scan's start offset: false ends the scan. */
    @FunctionalInterface
    private interface BatchVisitor {
        boolean visit(SegmentReader segment, long position, int length, long limit);
    }

    /** @return the chunk a walk reads the files in, for a read of about {@code maxBytes} */
    private static int chunkFor(int maxBytes) {
        return Math.max(MIN_READ_CHUNK_BYTES, Math.min(maxBytes, READ_CHUNK_BYTES));
    }

    /**
     * Walks the stored batches from the one holding {@code fromOffset} on, by their headers' lengths (checking that each
     * starts where the previous one ended), and hands each batch ending after {@code fromOffset} to {@code visitor}.
     */
    private static void scan(List<Segment> segs, long fromOffset, int chunkBytes, BatchVisitor visitor) {
        long next = fromOffset;
        for (int i = segmentIndex(segs, fromOffset); i < segs.size(); i++) {
            Segment s = segs.get(i);
            long limit = s.size();          // volatile: read before end offset, both cover the same batches
            long segEnd = s.endOffset();
            long[] at = s.scanPoint(next);
            long pos = at[0];
            long expected = at[1];
            SegmentReader reader = new SegmentReader(s, chunkBytes);
            while (pos < limit && next < segEnd) {
                ByteBuffer header = reader.header(pos, limit);
                int length = header.getInt(BatchFormat.LENGTH_AT);
                long batchBase = header.getLong(BatchFormat.BASE_OFFSET_AT);
                int count = header.getInt(BatchFormat.COUNT_AT);
                checkSequence(s, pos, batchBase, expected);
                expected = batchBase + count;
                if (batchBase + count > next) {
                    if (!visitor.visit(reader, pos, length, limit)) {
                        return;
                    }
                    next = batchBase + count;
                }
                pos += length;
            }
        }
    }

    /**
     * A reader walks from an index entry by the headers' lengths without checking the batches it skips; a batch
     * that does not start at the offset after the previous one means a header on the way was bad.
     */
    private static void checkSequence(Segment s, long pos, long batchBase, long expected) {
        if (batchBase != expected) {
            throw new CorruptLogException(s.logFile, pos, "batch base offset " + batchBase + " where " + expected + " was expected");
        }
    }

    /** Index of the segment holding {@code offset}: the last whose base offset is at or below it. */
    private static int segmentIndex(List<Segment> segs, long offset) {
        int lo = 0;
        int hi = segs.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segs.get(mid).baseOffset <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * The first offset (in offset order) whose record has a timestamp at or above {@code timestamp};
     * empty if no record in the log has. Producer timestamps need not be monotonic: the time index
     * keeps the largest timestamp so far, so the search skips only records that are all older.
     */
    public OptionalLong offsetForTimestamp(long timestamp) {
        lock.readLock().lock();
        try {
            checkOpen();
            for (Segment s : segments) {
                if (s.maxTimestamp() < timestamp) {
                    continue;
                }
                long limit = s.size();
                long segEnd = s.endOffset();
                long from = s.timeScanStart(timestamp);
                long[] at = s.scanPoint(from);
                long pos = at[0];
                long expected = at[1];
                SegmentReader reader = new SegmentReader(s, READ_CHUNK_BYTES);
                while (pos < limit) {
                    ByteBuffer header = reader.header(pos, limit);
                    int length = header.getInt(BatchFormat.LENGTH_AT);
                    long batchBase = header.getLong(BatchFormat.BASE_OFFSET_AT);
                    int count = header.getInt(BatchFormat.COUNT_AT);
                    checkSequence(s, pos, batchBase, expected);
                    expected = batchBase + count;
                    if (batchBase + count > from && header.getLong(BatchFormat.MAX_TIMESTAMP_AT) >= timestamp) {
                        for (LogEntry e : BatchFormat.decode(reader.checkedBatch(pos, length, limit))) {
                            if (e.offset() >= from && e.offset() < segEnd && e.record().timestamp() >= timestamp) {
                                return OptionalLong.of(e.offset());
                            }
                        }
                    }
                    pos += length;
                }
            }
            return OptionalLong.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Removes every record at or after {@code offset}: later segments are deleted, the segment holding
     * {@code offset} is cut (a batch straddling it is rewritten with its records below {@code offset}
     * and its header's {@link BatchMeta})
     * and becomes the active segment; its indexes are trimmed. The next append gets {@code offset}.
     * Truncating to {@link #endOffset()} does nothing.
     *
     * @throws LogOffsetOutOfRangeException if {@code offset} is below {@link #startOffset()} or above
     *                                      {@link #endOffset()}
     * @throws CorruptLogException          if a batch the truncation reads is bad: the log is then cut at the first
     *                                      bad batch of the segment holding {@code offset} if that is lower (it ends
     *                                      below {@code offset}), or left ending above {@code offset}
     */
    public void truncateTo(long offset) {
        lock.writeLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            long start = segs.get(0).baseOffset;
            long end = active().endOffset();
            if (offset < start || offset > end) {
                throw new LogOffsetOutOfRangeException("truncateTo", offset, start, end);
            }
            if (offset == end) {
                return;
            }
            long before = sizeInBytes();
            try {
                cut(segs, offset);
            } finally {
                budget.release(Math.max(0, before - sizeInBytes()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Truncation proper: the caller holds the write lock and checked {@code offset}. */
    private void cut(List<Segment> segs, long offset) {
        int keep = segmentIndex(segs, offset);
        for (int i = segs.size() - 1; i > keep; i--) {
            segs.get(i).delete();
        }
        Segment s = segs.get(keep);
        segments = List.copyOf(segs.subList(0, keep + 1));
        // find the batch holding offset; every batch on the way is checked, so a bad header cannot misplace the cut
        long[] at = s.scanPoint(offset);
        long pos = at[0];
        long expected = at[1];
        List<LogRecord> prefix = List.of();
        BatchMeta prefixMeta = BatchMeta.NONE;
        SegmentReader reader = new SegmentReader(s, MIN_READ_CHUNK_BYTES);
        while (pos < s.size()) {
            ByteBuffer header = reader.header(pos, s.size());
            int length = header.getInt(BatchFormat.LENGTH_AT);
            ByteBuffer batch = reader.checkedBatch(pos, length, s.size());
            long batchBase = batch.getLong(BatchFormat.BASE_OFFSET_AT);
            int count = batch.getInt(BatchFormat.COUNT_AT);
            checkSequence(s, pos, batchBase, expected);
            expected = batchBase + count;
            if (batchBase + count > offset) {
                if (batchBase < offset) {
                    prefix = BatchFormat.decodeRecords(batch).subList(0, (int) (offset - batchBase));
                    prefixMeta = BatchFormat.meta(batch);    // same producer, first sequence and epoch
                }
                break;
            }
            pos += length;
        }
        RecoveryReport.Cut lower = s.truncateAt(pos);
        if (lower != null) {
            // a bad batch below the truncation point: the segment is cut there, the log is consistent but shorter
            s.flush();
            throw new CorruptLogException(Path.of(lower.file()), lower.position(), lower.reason());
        }
        if (!prefix.isEmpty()) {
            LogBatch batch = new LogBatch(BatchFormat.encode(s.endOffset(), prefix, prefixMeta));
            s.append(batch.writeView(), batch.recordCount(), batch.maxTimestamp(), batch.meta().leaderEpoch());
        }
        s.writeIndexFiles();
        s.flush();
        if (s.endOffset() != offset) {
            throw new IllegalStateException("truncation to " + offset + " left the log ending at " + s.endOffset());
        }
    }

    /**
     * The first bad batch of the segment {@code file} (as {@link CorruptLogException#file()} names it), scanning it
     * from its start: every batch up to the segment's size must be in the file, pass its CRC32C and layout checks and
     * follow the previous one's offsets. Read-only; reads and appends go on meanwhile.
     *
     * @return the first bad batch, or null if the file is not one of the log's segments or every batch of it is sound
     */
    public Corruption findCorruption(String file) {
        lock.readLock().lock();
        try {
            checkOpen();
            Segment s = segmentOf(segments, file);
            return s == null ? null : s.findCorruption();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Cuts the log at the first bad batch of the segment {@code file} (found as {@link #findCorruption} does): that
     * segment is cut there and becomes the active one, later segments are deleted, the bytes go back to the
     * {@link LogDiskBudget}. The log then ends at the offset the bad batch should have started at; what was cut must
     * come back from another replica.
     *
     * @return the cut, or null if the file is not one of the log's segments or every batch of it is sound (nothing
     *         changes)
     */
    public RecoveryReport.Cut truncateAtCorruption(String file) {
        lock.writeLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            Segment s = segmentOf(segs, file);
            if (s == null) {
                return null;
            }
            long before = sizeInBytes();
            try {
                RecoveryReport.Cut cut = s.cutAtFirstBadBatch();
                if (cut == null) {
                    return null;
                }
                int keep = segs.indexOf(s);
                for (int i = segs.size() - 1; i > keep; i--) {
                    segs.get(i).delete();
                }
                segments = List.copyOf(segs.subList(0, keep + 1));
                s.flush();
                return cut;
            } finally {
                budget.release(Math.max(0, before - sizeInBytes()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static Segment segmentOf(List<Segment> segs, String file) {
        for (Segment s : segs) {
            if (s.logFile.toString().equals(file)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Checks the next stored batches of the sealed segments (all but the active one) from {@code fromOffset} on,
     * about {@code maxBytes} of them, as a background scrub does: each batch's CRC32C and layout, and that it
     * follows the previous one's offsets. Holds the shared lock for that step only. Records are not decoded.
     *
     * @return where to go on from; {@link ScrubStep#done()} once the active segment is reached
     * @throws CorruptLogException naming the file and position of a batch that fails
     */
    public ScrubStep scrub(long fromOffset, long maxBytes) {
        lock.readLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            long activeBase = segs.get(segs.size() - 1).baseOffset;
            long from = Math.max(fromOffset, segs.get(0).baseOffset);
            if (from >= activeBase) {
                return new ScrubStep(activeBase, 0, true);
            }
            ScrubStep step = checkBatches(segs.get(segmentIndex(segs, from)), from, maxBytes);
            // no bytes checked would mean an empty sealed segment: nothing more to do on this pass
            return new ScrubStep(step.nextOffset(), step.bytesChecked(), step.nextOffset() >= activeBase || step.bytesChecked() == 0);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Checks the batches of {@code s} from the one holding {@code from}, about {@code maxBytes}; caller holds a lock. */
    private static ScrubStep checkBatches(Segment s, long from, long maxBytes) {
        long limit = s.size();
        long[] at = s.scanPoint(from);
        long pos = at[0];
        long expected = at[1];
        long bytes = 0;
        SegmentReader reader = new SegmentReader(s, (int) Math.min(maxBytes, READ_CHUNK_BYTES));
        while (pos < limit && bytes < maxBytes) {
            ByteBuffer header = reader.header(pos, limit);
            int length = header.getInt(BatchFormat.LENGTH_AT);
            ByteBuffer batch = reader.checkedBatch(pos, length, limit);
            checkSequence(s, pos, batch.getLong(BatchFormat.BASE_OFFSET_AT), expected);
            expected += batch.getInt(BatchFormat.COUNT_AT);
            pos += length;
            bytes += length;
        }
        return new ScrubStep(expected, bytes, pos >= limit);
    }

    /**
     * Whom to tell when the check of a rolled segment finds a bad batch: once a segment is rolled, each of its batches
     * is checked once on a background thread, about 256 KiB at a time under the shared lock, using at most a quarter of
     * a core. Called on that thread.
     */
    public void onRolledSegmentCorrupt(Consumer<CorruptLogException> listener) {
        this.rolledCorrupt = Objects.requireNonNull(listener, "listener");
    }

    /**
     * On the checking thread: writes a rolled segment's index files, then checks its batches a step at a time, pausing
     * after each ({@link RolledSegmentChecks#pace}). Under the shared lock, a segment still in the log and not the
     * active one is sealed: only a cut, which takes the exclusive lock, changes it (and writes its index files itself).
     */
    private void sealRolled(Segment s) {
        lock.readLock().lock();
        try {
            if (closed || !isSealed(s)) {
                return;
            }
            s.writeIndexFiles();
        } finally {
            lock.readLock().unlock();
        }
        checkRolled(s);
    }

    private boolean isSealed(Segment s) {
        List<Segment> segs = segments;
        return segs.contains(s) && segs.get(segs.size() - 1) != s;
    }

    private void checkRolled(Segment s) {
        Consumer<CorruptLogException> listener = rolledCorrupt;
        long next = s.baseOffset;
        try {
            while (true) {
                long began = System.nanoTime();
                lock.readLock().lock();
                try {
                    if (closed || !segments.contains(s) || next >= s.endOffset()) {
                        return;
                    }
                    ScrubStep step = checkBatches(s, next, ROLL_CHECK_STEP_BYTES);
                    if (step.bytesChecked() == 0) {
                        return;
                    }
                    next = step.nextOffset();
                } finally {
                    lock.readLock().unlock();
                }
                RolledSegmentChecks.pace(System.nanoTime() - began);
            }
        } catch (CorruptLogException e) {
            if (listener != null) {
                listener.accept(e);
            }
        }
    }

    /**
     * Drops every segment and leaves an empty log whose start and end offsets are {@code startOffset}
     * (a replica too far behind the owner restarts from the owner's start offset; the next
     * {@link #appendBatch} must start there). The dropped bytes are given back to the
     * {@link LogDiskBudget}; {@link #lastLeaderEpoch()} becomes -1.
     *
     * @throws IllegalArgumentException if {@code startOffset} is negative
     */
    public void resetTo(long startOffset) {
        if (startOffset < 0) {
            throw new IllegalArgumentException("startOffset " + startOffset + " is negative");
        }
        lock.writeLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            for (Segment s : segs) {
                long bytes = s.size();
                s.delete();
                budget.release(bytes);
            }
            Segment fresh;
            try {
                fresh = Segment.create(dir, startOffset, config.indexIntervalBytes());
            } catch (RuntimeException e) {
                closed = true;          // no segment left to serve: the log cannot be used any more
                throw e;
            }
            segments = List.of(fresh);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The leader epoch in the header of the log's last batch, or -1 when the log holds no batch (empty,
     * reset, or truncated or retained down to nothing). Kept in memory: rebuilt on open, updated by
     * appends, truncation, reset and retention.
     */
    public int lastLeaderEpoch() {
        lock.readLock().lock();
        try {
            List<Segment> segs = segments;
            for (int i = segs.size() - 1; i >= 0; i--) {
                Segment s = segs.get(i);
                if (!s.isEmpty()) {
                    return s.lastLeaderEpoch();
                }
            }
            return -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Deletes, oldest first, every segment all of whose records are below {@code offset} (never the
     * active segment). The start offset moves to the first remaining segment's base offset.
     *
     * @return the number of segments deleted
     */
    public int deleteSegmentsBefore(long offset) {
        lock.writeLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            int n = 0;
            while (n < segs.size() - 1 && segs.get(n).endOffset() <= offset) {
                n++;
            }
            return deleteOldest(n);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Deletes whole segments, oldest first and never the active one, while either limit is broken: the
     * log is larger than {@code maxBytes}, or the oldest segment's largest timestamp is older than
     * {@code nowMillis - maxAgeMillis}. A negative limit is off.
     *
     * @return the number of segments deleted
     */
    public int applyRetention(long maxBytes, long maxAgeMillis, long nowMillis) {
        lock.writeLock().lock();
        try {
            checkOpen();
            List<Segment> segs = segments;
            long total = sizeInBytes();
            int n = 0;
            while (n < segs.size() - 1) {
                Segment s = segs.get(n);
                boolean tooBig = maxBytes >= 0 && total > maxBytes;
                boolean tooOld = maxAgeMillis >= 0 && s.maxTimestamp() < nowMillis - maxAgeMillis;
                if (!tooBig && !tooOld) {
                    break;
                }
                total -= s.size();
                n++;
            }
            return deleteOldest(n);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int deleteOldest(int n) {
        if (n == 0) {
            return 0;
        }
        List<Segment> segs = segments;
        segments = List.copyOf(segs.subList(n, segs.size()));
        for (int i = 0; i < n; i++) {
            Segment s = segs.get(i);
            long bytes = s.size();
            s.delete();
            budget.release(bytes);
        }
        return n;
    }

    /**
     * Forces the active segment's bytes to disk and writes the index files of every segment whose files are behind its
     * indexes: the active one, and rolled ones the background has not sealed yet.
     */
    public void flush() {
        lock.readLock().lock();
        try {
            checkOpen();
            for (Segment s : segments) {
                if (!s.indexFilesCurrent()) {
                    s.writeIndexFiles();
                }
            }
            active().flush();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Flushes and closes every segment and gives the log's bytes back to the {@link LogDiskBudget}: the
     * budget counts the open logs, so reopening the directory counts the files again. Files left on
     * disk by a closed log are outside the budget until it is reopened (a member that drops a replica
     * should delete its directory). Further calls fail; closing twice does nothing.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            flush();
            closed = true;
            for (Segment s : segments) {
                s.close();
            }
            budget.release(sizeInBytes());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the log in " + dir + " is closed");
        }
    }

    @Override
    public String toString() {
        return "SegmentedLog[" + dir + ", offsets " + startOffset() + ".." + endOffset() + ", " + segments.size() + " segments]";
    }
}
