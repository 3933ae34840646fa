package dev.grid.log.impl.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad bytes in an open log's segment files: every read path names the file and position of the bad batch and never
 * returns wrong records; {@link SegmentedLog#findCorruption} and {@link SegmentedLog#truncateAtCorruption} find and cut
 * the first bad batch; the scrub and the check of a rolled segment find bad batches nobody reads.
 */
class SegmentedLogCorruptionTest {
    /** Small segments and a dense index, so a few hundred records span many segments and index entries. */
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);

    @TempDir
    Path dir;

    private static LogRecord record(int i) {
        return new LogRecord(null, ("value-" + i).getBytes(StandardCharsets.UTF_8), 1_000 + i);
    }

    /** Appends records 0..n-1 in batches of two; returns them in offset order. */
    private static List<LogRecord> appendRecords(SegmentedLog log, int n) {
        List<LogRecord> all = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            List<LogRecord> batch = List.of(record(i), record(i + 1));
            log.append(batch, 5_000);
            all.addAll(batch);
        }
        return all;
    }

    private static List<LogRecord> readAll(SegmentedLog log) {
        List<LogRecord> out = new ArrayList<>();
        long next = log.startOffset();
        while (next < log.endOffset()) {
            for (LogEntry e : log.read(next, 50, 4096)) {
                assertEquals(next++, e.offset());
                out.add(e.record());
            }
        }
        return out;
    }

    private static Path segmentFile(SegmentedLog log, int index) {
        return log.directory().resolve(Segment.fileName(log.segmentBaseOffsets().get(index), Segment.LOG));
    }

    private static void write(Path file, long position, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), position);
        }
    }

    private static int intAt(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, position);
            return b.getInt(0);
        }
    }

    /** Cut at a batch boundary (the file is sound as far as it goes) and inside a batch (a torn batch). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTruncatedSegmentIsABadBatchNamingTheFileAndIsCutThere(boolean atABatchBoundary) throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 400);
            int middle = log.segmentBaseOffsets().size() / 2;
            long base = log.segmentBaseOffsets().get(middle);
            Path file = segmentFile(log, middle);
            int batch = intAt(file, 0);
            long half = atABatchBoundary ? 3L * batch : 3L * batch + 7;     // the batches are all the same size
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(half);
            }

            Corruption bad = log.findCorruption(file.toString());
            assertNotNull(bad);
            assertTrue(bad.position() <= half && bad.reason().contains("truncated"), bad.toString());
            assertTrue(bad.offset() > base, "the batches before the missing bytes are sound: " + bad);
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> log.read(bad.offset(), 10, 1000));
            assertEquals(file.toString(), e.file());
            assertEquals(bad.position(), e.position());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertEquals(written.subList((int) base, (int) bad.offset()), log.read(base, 1000, 1 << 20).stream().map(LogEntry::record).toList(),
                    "a read returns the records before the bad batch");

            RecoveryReport.Cut cut = log.truncateAtCorruption(file.toString());
            assertEquals(bad.offset(), cut.fromOffset());
            assertEquals(bad.offset(), log.endOffset(), "the log ends where the bad batch started");
            assertEquals(middle + 1, log.segmentBaseOffsets().size(), "later segments are deleted");
            assertEquals(written.subList(0, (int) bad.offset()), readAll(log));
            assertNull(log.truncateAtCorruption(file.toString()), "nothing left to cut");
            assertEquals(bad.offset(), log.append(List.of(record(-1)), 1), "appends go on at the cut");
        }
    }

    @Test
    void aBadLengthInAHeaderTheReaderSkipsIsCaughtNotMisread() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendRecords(log, 400);
            int middle = log.segmentBaseOffsets().size() / 2;
            long base = log.segmentBaseOffsets().get(middle);
            Path file = segmentFile(log, middle);
            int first = intAt(file, 0);
            int second = intAt(file, first);
            // the first batch's length now spans the second too: a reader skipping it lands on the third batch's header,
            // a valid batch; only the offsets show that the second was jumped over (the length is outside the CRC)
            ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, first + second);
            write(file, 0, length.array());

            CorruptLogException e = assertThrows(CorruptLogException.class, () -> log.read(base + 2, 10, 1000));
            assertTrue(e.getMessage().contains("where " + (base + 2) + " was expected"), e.getMessage());
            assertThrows(CorruptLogException.class, () -> log.readBatches(base + 2, 1000));
            assertThrows(CorruptLogException.class, () -> log.scrub(base, 1 << 20));
            assertEquals(0, log.findCorruption(file.toString()).position());
        }
    }

    @Test
    void theScrubChecksEverySealedSegmentAndNamesABadBatch() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendRecords(log, 400);
            List<Long> bases = log.segmentBaseOffsets();
            long activeBase = bases.get(bases.size() - 1);
            long sealedBytes = 0;
            for (int i = 0; i < bases.size() - 1; i++) {
                sealedBytes += Files.size(segmentFile(log, i));
            }
            long checked = 0;
            ScrubStep step = new ScrubStep(0, 0, false);
            while (!step.done()) {
                step = log.scrub(step.nextOffset(), 300);
                checked += step.bytesChecked();
            }
            assertEquals(activeBase, step.nextOffset(), "a pass stops at the active segment");
            assertTrue(checked >= sealedBytes, "every sealed byte is checked: " + checked + " of " + sealedBytes);

            Path file = segmentFile(log, 2);
            write(file, Files.size(file) - 3, new byte[] {'#'});
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> {
                ScrubStep s = new ScrubStep(0, 0, false);
                while (!s.done()) {
                    s = log.scrub(s.nextOffset(), 1 << 20);
                }
            });
            assertEquals(file.toString(), e.file());
            assertEquals("CRC32C mismatch", e.reason());
        }
    }

    @Test
    void theCheckOfARolledSegmentReportsABadBatch() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            AtomicReference<CorruptLogException> reported = new AtomicReference<>();
            log.onRolledSegmentCorrupt(reported::set);
            log.append(List.of(record(1), record(2)), 1);
            Path active = segmentFile(log, 0);
            write(active, Files.size(active) - 2, new byte[] {'#'});     // a bad write to the active segment
            while (log.segmentCount() == 1) {
                log.append(List.of(record(3)), 1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> reported.get() != null);
            assertEquals(active.toString(), reported.get().file());
            assertEquals(0, reported.get().position());
        }
    }

    @Test
    void aTruncationThatMeetsABadBatchCutsAtItAndSaysSo() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 400);
            int middle = log.segmentBaseOffsets().size() / 2;
            long base = log.segmentBaseOffsets().get(middle);
            long next = log.segmentBaseOffsets().get(middle + 1);
            Path file = segmentFile(log, middle);
            write(file, BatchFormat.HEADER_SIZE + 2, new byte[] {'#'});   // the segment's first batch
            assertFalse(log.read(next - 1, 1, 100).isEmpty(), "a read from a later index entry does not see it");

            CorruptLogException e = assertThrows(CorruptLogException.class, () -> log.truncateTo(next - 1));
            assertEquals(file.toString(), e.file());
            assertEquals(0, e.position());
            assertEquals(base, log.endOffset(), "the log was cut at the bad batch, below the truncation point");
            assertEquals(written.subList(0, (int) base), readAll(log));
        }
    }
}
