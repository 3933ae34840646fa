package dev.grid.log.impl.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentedLogTest {
    /** Small segments and a dense index, so a few hundred records span many segments and index entries. */
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);

    @TempDir
    Path dir;

    private static LogRecord record(int i) {
        byte[] key = i % 5 == 0 ? null : ("k" + i).getBytes(StandardCharsets.UTF_8);
        return new LogRecord(key, ("value-" + i + "-" + "x".repeat(i % 17)).getBytes(StandardCharsets.UTF_8), 1_000 + i);
    }

    /** Appends records 0..n-1 in batches of 1, 2, 3, ... records; returns them in offset order. */
    private static List<LogRecord> appendRecords(SegmentedLog log, int from, int n) {
        List<LogRecord> all = new ArrayList<>();
        int i = from;
        int batch = 1;
        while (i < from + n) {
            List<LogRecord> b = new ArrayList<>();
            for (int j = 0; j < batch && i < from + n; j++, i++) {
                b.add(record(i));
            }
            long base = log.endOffset();
            assertEquals(base, log.append(b, 5_000));
            all.addAll(b);
            batch = batch % 4 + 1;
        }
        return all;
    }

    private static List<LogRecord> readAll(SegmentedLog log, long from) {
        List<LogRecord> out = new ArrayList<>();
        long next = from;
        while (next < log.endOffset()) {
            List<LogEntry> got = log.read(next, 7, 300);
            assertFalse(got.isEmpty());
            for (LogEntry e : got) {
                assertEquals(next, e.offset());
                out.add(e.record());
                next++;
            }
        }
        return out;
    }

    private static Path lastLogFile(SegmentedLog log) {
        List<Long> bases = log.segmentBaseOffsets();
        return log.directory().resolve(Segment.fileName(bases.get(bases.size() - 1), Segment.LOG));
    }

    @Test
    void appendAndReadRoundTripAcrossRolls() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertEquals(0, log.startOffset());
            assertEquals(0, log.endOffset());
            assertEquals(List.of(), log.read(0, 10, 1000));
            List<LogRecord> written = appendRecords(log, 0, 300);
            assertEquals(300, log.endOffset());
            assertTrue(log.segmentCount() >= 5, "segments: " + log.segmentCount());
            assertEquals(written, readAll(log, 0));
            for (long base : log.segmentBaseOffsets()) {
                assertTrue(Files.exists(dir.resolve(Segment.fileName(base, ".log"))));
                assertTrue(Files.exists(dir.resolve(Segment.fileName(base, ".index"))));
                assertTrue(Files.exists(dir.resolve(Segment.fileName(base, ".timeindex"))));
            }
            assertEquals("00000000000000000000.log", Segment.fileName(0, ".log"));
            // segments respect the size limit (each batch is far below it)
            for (long base : log.segmentBaseOffsets()) {
                assertTrue(dir.resolve(Segment.fileName(base, ".log")).toFile().length() <= SMALL.segmentBytes());
            }
        }
    }

    @Test
    void readingFromAnyOffsetEqualsTheSubList() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 0, 200);
            for (int from = 0; from <= 200; from++) {
                assertEquals(written.subList(from, 200), readAll(log, from), "from " + from);
                List<LogEntry> some = log.read(from, 3, Integer.MAX_VALUE);
                assertEquals(Math.min(3, 200 - from), some.size());
            }
        }
    }

    @Test
    void readReturnsAtLeastOneRecordAndRespectsMaxBytes() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 0, 50);
            List<LogEntry> one = log.read(10, 100, 0);
            assertEquals(1, one.size());
            assertEquals(written.get(10), one.get(0).record());
            int twoRecords = written.get(10).encodedSize() + written.get(11).encodedSize();
            assertEquals(2, log.read(10, 100, twoRecords).size());
            assertEquals(2, log.read(10, 100, twoRecords + written.get(12).encodedSize() - 1).size());
        }
    }

    @Test
    void offsetForTimestampWithNonMonotonicTimestamps() {
        long[] ts = {100, 50, 300, 200, 250, 120, 400, 90, 500, 450, 80, 600};
        try (SegmentedLog log = SegmentedLog.open(dir, new LogStorageConfig(200, 100, 40))) {
            for (long t : ts) {
                log.append(List.of(new LogRecord(null, new byte[20], t)), 10);
            }
            assertTrue(log.segmentCount() > 2);
            for (long q = 0; q <= 700; q += 5) {
                OptionalLong expected = OptionalLong.empty();
                for (int i = 0; i < ts.length; i++) {
                    if (ts[i] >= q) {
                        expected = OptionalLong.of(i);
                        break;
                    }
                }
                assertEquals(expected, log.offsetForTimestamp(q), "timestamp " + q);
            }
        }
    }

    @Test
    void recordsWithoutTimestampGetTheAppendTime() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(List.of(new LogRecord(null, new byte[1], LogRecord.NO_TIMESTAMP), new LogRecord(null, new byte[1], 7)), 42);
            List<LogEntry> got = log.read(0, 10, 1000);
            assertEquals(42, got.get(0).record().timestamp());
            assertEquals(7, got.get(1).record().timestamp());
            assertNull(got.get(0).record().key());
        }
    }

    @Test
    void truncateInTheMiddleOfASegmentAndOfABatch() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 0, 200);
            List<Long> bases = log.segmentBaseOffsets();
            long cut = bases.get(2) + 2;   // inside segment 2; batches of 1..4 records, so likely mid-batch too
            log.truncateTo(cut);
            assertEquals(cut, log.endOffset());
            assertEquals(3, log.segmentCount());
            assertEquals(written.subList(0, (int) cut), readAll(log, 0));
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.read(cut + 1, 1, 1));
            List<LogRecord> more = appendRecords(log, 1000, 60);
            List<LogRecord> expected = new ArrayList<>(written.subList(0, (int) cut));
            expected.addAll(more);
            assertEquals(expected, readAll(log, 0));
            assertEquals(cut + 60, log.endOffset());
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean(), log.recoveryReport().toString());
        }
    }

    @Test
    void truncateEveryOffsetOfABatchKeepsThePrefix() {
        for (int cut = 0; cut <= 10; cut++) {
            Path d = dir.resolve("t" + cut);
            try (SegmentedLog log = SegmentedLog.open(d, SMALL)) {
                List<LogRecord> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(record(i));
                }
                log.append(batch, 1);
                log.truncateTo(cut);
                assertEquals(cut, log.endOffset());
                assertEquals(batch.subList(0, cut), readAll(log, 0));
                assertEquals(cut, log.append(List.of(record(99)), 1));
            }
        }
    }

    @Test
    void truncateAtASegmentBoundary() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 0, 200);
            long boundary = log.segmentBaseOffsets().get(3);
            log.truncateTo(boundary);
            assertEquals(boundary, log.endOffset());
            assertEquals(4, log.segmentCount(), "the segment starting at the boundary stays, empty, as the active one");
            assertEquals(written.subList(0, (int) boundary), readAll(log, 0));
            assertEquals(boundary, log.append(List.of(record(500)), 1));
            assertEquals(record(500), log.read(boundary, 1, 1).get(0).record());
            log.truncateTo(0);
            assertEquals(0, log.endOffset());
            assertEquals(1, log.segmentCount());
            assertEquals(0, log.append(List.of(record(7)), 1));
        }
    }

    @Test
    void retentionByBytesNeverDeletesTheActiveSegment() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogRecord> written = appendRecords(log, 0, 300);
            int before = log.segmentCount();
            long activeBase = log.segmentBaseOffsets().get(before - 1);
            int deleted = log.applyRetention(3 * SMALL.segmentBytes(), -1, 0);
            assertTrue(deleted > 0);
            assertTrue(log.sizeInBytes() <= 3L * SMALL.segmentBytes());
            assertEquals(log.segmentBaseOffsets().get(0), log.startOffset());
            assertTrue(log.startOffset() > 0);
            assertEquals(written.subList((int) log.startOffset(), 300), readAll(log, log.startOffset()));
            assertFalse(Files.exists(dir.resolve(Segment.fileName(0, ".log"))));
            assertFalse(Files.exists(dir.resolve(Segment.fileName(0, ".index"))));
            log.applyRetention(0, -1, 0);
            assertEquals(List.of(activeBase), log.segmentBaseOffsets());
            assertEquals(activeBase, log.startOffset());
            assertEquals(300, log.endOffset());
            LogOffsetOutOfRangeException e = assertThrows(LogOffsetOutOfRangeException.class, () -> log.read(0, 1, 1));
            assertTrue(e.getMessage().contains("earliest available offset " + activeBase), e.getMessage());
        }
    }

    @Test
    void retentionByAgeUsesTheSegmentsLargestTimestamp() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendRecords(log, 0, 300);      // record i has timestamp 1000 + i
            List<Long> bases = log.segmentBaseOffsets();
            long seg2Last = bases.get(3) - 1; // last offset of segment 2, timestamp 1000 + seg2Last
            // keep records newer than 1000 + seg2Last: segments 0..2 go
            assertEquals(3, log.applyRetention(-1, 100, 1000 + seg2Last + 101));
            assertEquals(bases.get(3), log.startOffset());
            // everything too old: all but the active segment go
            log.applyRetention(-1, 0, 1_000_000);
            assertEquals(1, log.segmentCount());
            assertEquals(bases.get(bases.size() - 1), log.startOffset());
            assertEquals(0, log.applyRetention(-1, 0, 1_000_000));
        }
    }

    @Test
    void deleteSegmentsBeforeAnOffset() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendRecords(log, 0, 300);
            List<Long> bases = log.segmentBaseOffsets();
            assertEquals(0, log.deleteSegmentsBefore(bases.get(1) - 1));
            assertEquals(2, log.deleteSegmentsBefore(bases.get(2) + 1));
            assertEquals(bases.get(2), log.startOffset());
            log.deleteSegmentsBefore(Long.MAX_VALUE);
            assertEquals(1, log.segmentCount());
        }
    }

    @Test
    void reopenGivesTheSameRecords() {
        List<LogRecord> written;
        long start;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            written = appendRecords(log, 0, 250);
            log.deleteSegmentsBefore(log.segmentBaseOffsets().get(1));
            start = log.startOffset();
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean(), log.recoveryReport().toString());
            assertEquals(start, log.startOffset());
            assertEquals(250, log.endOffset());
            assertEquals(written.subList((int) start, 250), readAll(log, start));
            assertEquals(OptionalLong.of(100), log.offsetForTimestamp(1100));
            assertEquals(250, log.append(List.of(record(1)), 1));
        }
    }

    @Test
    void aTornTailIsCutOnOpen() throws IOException {
        List<LogRecord> written;
        long lastBatchBase;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            written = appendRecords(log, 0, 100);
            lastBatchBase = log.endOffset();
            log.append(List.of(record(200), record(201), record(202)), 1);
        }
        Path last;
        long size;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            last = lastLogFile(log);
            size = Files.size(last);
        }
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5);   // mid-batch
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            RecoveryReport report = log.recoveryReport();
            assertEquals(1, report.cuts().size(), report.toString());
            RecoveryReport.Cut cut = report.cuts().get(0);
            assertEquals(lastBatchBase, cut.fromOffset());
            assertTrue(cut.reason().startsWith("torn batch"), cut.reason());
            assertEquals(lastBatchBase, log.endOffset());
            assertEquals(written, readAll(log, 0));
            assertEquals(lastBatchBase, log.append(List.of(record(300)), 1));
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean());
            assertEquals(lastBatchBase + 1, log.endOffset());
        }
    }

    @Test
    void aFlippedByteInTheLastBatchIsDetectedAndCut() throws IOException {
        // mutant check: without the CRC32C check, a flipped value byte would be served as data
        List<LogRecord> written;
        long lastBatchBase;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            written = appendRecords(log, 0, 100);
            lastBatchBase = log.endOffset();
            log.append(List.of(record(200), record(201)), 1);
        }
        Path last = dir.resolve(Segment.fileName(lastSegmentBase(), ".log"));
        byte[] bytes = Files.readAllBytes(last);
        bytes[bytes.length - 2] ^= 0x01;   // inside the last record's value: the layout stays valid
        Files.write(last, bytes);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            RecoveryReport.Cut cut = log.recoveryReport().cuts().get(0);
            assertEquals("CRC32C mismatch", cut.reason());
            assertEquals(lastBatchBase, cut.fromOffset());
            assertEquals(lastBatchBase, log.endOffset());
            assertEquals(written, readAll(log, 0));
        }
    }

    @Test
    void readDetectsACorruptBatchWhileOpen() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(List.of(record(1), record(2)), 1);
            log.flush();
            Path file = dir.resolve(Segment.fileName(0, ".log"));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), Files.size(file) - 1);
            }
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> log.read(0, 10, 1000));
            assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
        }
    }

    @Test
    void corruptionInAnEarlierSegmentCutsThereAndDeletesLaterSegments() throws IOException {
        List<LogRecord> written;
        List<Long> bases;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            written = appendRecords(log, 0, 200);
            bases = log.segmentBaseOffsets();
        }
        Path seg1 = dir.resolve(Segment.fileName(bases.get(1), ".log"));
        long seg1Size = Files.size(seg1);
        try (FileChannel ch = FileChannel.open(seg1, StandardOpenOption.WRITE)) {
            ch.truncate(seg1Size - 3);
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<RecoveryReport.Cut> cuts = log.recoveryReport().cuts();
            assertEquals(1 + bases.size() - 2, cuts.size(), cuts.toString());
            long end = log.endOffset();
            assertTrue(end > bases.get(1) && end < bases.get(2));
            assertEquals(List.of(bases.get(0), bases.get(1)), log.segmentBaseOffsets());
            assertEquals(written.subList(0, (int) end), readAll(log, 0));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(6, files.count(), "two segments of three files");
            }
        }
    }

    @Test
    void badInputsGiveNamedErrors() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendRecords(log, 0, 100);
            log.deleteSegmentsBefore(log.segmentBaseOffsets().get(1));
            long start = log.startOffset();
            LogOffsetOutOfRangeException below = assertThrows(LogOffsetOutOfRangeException.class, () -> log.read(start - 1, 1, 1));
            assertEquals("read: offset " + (start - 1) + " is out of range: below the earliest available offset " + start
                    + " (valid offsets: " + start + " to 100)", below.getMessage());
            assertEquals(start, below.startOffset());
            LogOffsetOutOfRangeException above = assertThrows(LogOffsetOutOfRangeException.class, () -> log.read(101, 1, 1));
            assertTrue(above.getMessage().contains("offset 101 is out of range: above the log end offset 100"), above.getMessage());
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.truncateTo(101));
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.truncateTo(start - 1));
            IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> log.read(start, -1, 10));
            assertEquals("maxRecords -1 must be positive", n.getMessage());
            assertEquals("maxBytes -5 is negative", assertThrows(IllegalArgumentException.class, () -> log.read(start, 1, -5)).getMessage());
            assertEquals("cannot append an empty batch", assertThrows(IllegalArgumentException.class, () -> log.append(List.of(), 1)).getMessage());
            RecordTooLargeException big = assertThrows(RecordTooLargeException.class,
                    () -> log.append(List.of(record(1), new LogRecord(null, new byte[SMALL.maxRecordBytes()], 1)), 1));
            assertEquals("record 1 of the batch is " + (SMALL.maxRecordBytes() + BatchFormat.RECORD_OVERHEAD) + " bytes encoded, above the maximum record size of "
                    + SMALL.maxRecordBytes() + " bytes; nothing of the batch was appended", big.getMessage());
            assertEquals(100, log.endOffset());
            assertEquals(100, log.append(List.of(new LogRecord(null, new byte[SMALL.maxRecordBytes() - BatchFormat.RECORD_OVERHEAD], 1)), 1));
            assertThrows(IllegalArgumentException.class, () -> new LogRecord(null, new byte[1], -2));
            assertThrows(NullPointerException.class, () -> new LogRecord(null, null, 1));
            assertThrows(IllegalArgumentException.class, () -> new LogStorageConfig(10, 100, 10));
        }
        SegmentedLog closed = SegmentedLog.open(dir, SMALL);
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.read(0, 1, 1));
        assertThrows(IllegalStateException.class, () -> closed.append(List.of(record(1)), 1));
    }

    @Test
    void aBatchLargerThanTheSegmentSizeGoesAloneIntoAFreshSegment() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(List.of(record(1)), 1);
            List<LogRecord> big = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                big.add(new LogRecord(null, new byte[400], i));
            }
            assertEquals(1, log.append(big, 1));
            assertEquals(List.of(0L, 1L), log.segmentBaseOffsets());
            assertEquals(6, log.append(List.of(record(2)), 1));
            assertEquals(List.of(0L, 1L, 6L), log.segmentBaseOffsets());
            assertEquals(7, log.read(0, 100, Integer.MAX_VALUE).size());
        }
    }

    private long lastSegmentBase() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElseThrow();
        }
    }
}
