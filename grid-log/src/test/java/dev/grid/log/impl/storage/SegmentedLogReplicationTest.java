package dev.grid.log.impl.storage;

import dev.grid.log.Header;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replica's side of the storage: readBatches, appendBatch, resetTo and lastLeaderEpoch. */
class SegmentedLogReplicationTest {
    /** Small segments and a dense index, so a few hundred records span many segments and index entries. */
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);

    @TempDir
    Path dir;

    private static LogRecord record(int i) {
        byte[] key = i % 5 == 0 ? null : ("k" + i).getBytes(StandardCharsets.UTF_8);
        List<Header> headers = i % 3 == 0 ? List.of() : List.of(new Header("h" + i, i % 2 == 0 ? null : new byte[i % 7]));
        return new LogRecord(key, ("value-" + i + "-" + "x".repeat(i % 17)).getBytes(StandardCharsets.UTF_8), 1_000 + i, headers);
    }

    /**
     * Appends records from..from+n-1 in batches of 1, 2, 3, 4 records, the k-th batch with producer k,
     * sequence 10k and leader epoch {@code epoch}; returns the stored batches.
     */
    private static List<LogBatch> appendBatches(SegmentedLog log, int from, int n, int epoch) {
        List<LogBatch> out = new ArrayList<>();
        int i = from;
        int size = 1;
        while (i < from + n) {
            List<LogRecord> b = new ArrayList<>();
            for (int j = 0; j < size && i < from + n; j++, i++) {
                b.add(record(i));
            }
            int k = out.size();
            long end = log.endOffset();
            LogBatch batch = log.append(b, 5_000, new BatchMeta(k, 10 * k, epoch));
            assertEquals(end, batch.baseOffset());
            assertEquals(b, batch.records());
            assertEquals(log.endOffset(), batch.nextOffset());
            out.add(batch);
            size = size % 4 + 1;
        }
        return out;
    }

    private static List<LogEntry> readAll(SegmentedLog log) {
        return log.read(log.startOffset(), Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Copies the leader's log to the follower as a replica would: readBatches from the follower's end, appendBatch. */
    private static void replicate(SegmentedLog leader, SegmentedLog follower, int maxBytes) {
        while (follower.endOffset() < leader.endOffset()) {
            List<LogBatch> batches = leader.readBatches(follower.endOffset(), maxBytes);
            assertFalse(batches.isEmpty());
            for (LogBatch b : batches) {
                follower.appendBatch(LogBatch.wrap(b.toByteArray()));    // as over the network
            }
        }
    }

    private static List<String> logFiles(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
        }
    }

    @Test
    void aFollowerCopyIsByteIdentical() throws IOException {
        Path leaderDir = dir.resolve("leader");
        Path followerDir = dir.resolve("follower");
        try (SegmentedLog leader = SegmentedLog.open(leaderDir, SMALL);
             SegmentedLog follower = SegmentedLog.open(followerDir, SMALL)) {
            appendBatches(leader, 0, 150, 1);
            replicate(leader, follower, 700);
            appendBatches(leader, 150, 150, 2);
            replicate(leader, follower, 0);
            assertTrue(leader.segmentCount() >= 5, "segments: " + leader.segmentCount());
            assertEquals(leader.endOffset(), follower.endOffset());
            assertEquals(leader.segmentBaseOffsets(), follower.segmentBaseOffsets(), "the follower rolls where the leader did");
            assertEquals(leader.sizeInBytes(), follower.sizeInBytes());
            assertEquals(readAll(leader), readAll(follower));
            assertEquals(leader.readBatches(0, Integer.MAX_VALUE), follower.readBatches(0, Integer.MAX_VALUE));
            assertEquals(2, follower.lastLeaderEpoch());
            assertEquals(leader.offsetForTimestamp(1_100), follower.offsetForTimestamp(1_100));
            leader.flush();
            follower.flush();
            assertEquals(logFiles(leaderDir), logFiles(followerDir));
            for (String f : logFiles(leaderDir)) {
                assertArrayEquals(Files.readAllBytes(leaderDir.resolve(f)), Files.readAllBytes(followerDir.resolve(f)), f);
            }
        }
        try (SegmentedLog follower = SegmentedLog.open(followerDir, SMALL)) {
            assertTrue(follower.recoveryReport().clean(), follower.recoveryReport().toString());
            assertEquals(300, follower.endOffset());
            assertEquals(2, follower.lastLeaderEpoch());
            List<LogEntry> entries = readAll(follower);
            for (int i = 0; i < 300; i++) {
                assertEquals(new LogEntry(i, record(i)), entries.get(i));
            }
        }
    }

    @Test
    void appendBatchWithTheWrongBaseOffsetIsRefusedAndChangesNothing() throws IOException {
        LogDiskBudget budget = new LogDiskBudget(0);
        try (SegmentedLog leader = SegmentedLog.open(dir.resolve("leader"), SMALL);
             SegmentedLog follower = SegmentedLog.open(dir.resolve("follower"), SMALL, budget)) {
            List<LogBatch> batches = appendBatches(leader, 0, 20, 3);
            follower.appendBatch(batches.get(0));
            follower.appendBatch(batches.get(1));
            long end = follower.endOffset();
            assertEquals(3, end);
            long size = follower.sizeInBytes();
            long used = budget.usedBytes();
            follower.flush();
            byte[] file = Files.readAllBytes(dir.resolve("follower").resolve(Segment.fileName(0, Segment.LOG)));
            List<LogEntry> before = readAll(follower);

            for (LogBatch wrong : List.of(batches.get(0), batches.get(1), batches.get(3))) {   // behind, overlapping, a gap
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> follower.appendBatch(wrong));
                assertTrue(e.getMessage().contains("base offset " + wrong.baseOffset() + " is not the log end offset 3"), e.getMessage());
                assertEquals(end, follower.endOffset());
                assertEquals(size, follower.sizeInBytes());
                assertEquals(used, budget.usedBytes());
                assertEquals(before, readAll(follower));
                assertEquals(3, follower.lastLeaderEpoch());
            }
            follower.flush();
            assertArrayEquals(file, Files.readAllBytes(dir.resolve("follower").resolve(Segment.fileName(0, Segment.LOG))));
            follower.appendBatch(batches.get(2));
            assertEquals(6, follower.endOffset());
        }
    }

    @Test
    void appendBatchChecksTheRecordSizeLimit() {
        try (SegmentedLog leader = SegmentedLog.open(dir.resolve("leader"), SMALL);
             SegmentedLog follower = SegmentedLog.open(dir.resolve("follower"), new LogStorageConfig(1024, 60, 128))) {
            LogBatch small = leader.append(List.of(new LogRecord(null, new byte[40], 1)), 1, BatchMeta.NONE);
            LogBatch big = leader.append(List.of(new LogRecord(null, new byte[40], 1),
                    new LogRecord(null, new byte[20], 1, List.of(new Header("hhhh", new byte[20])))), 1, BatchMeta.NONE);
            follower.appendBatch(small);
            RecordTooLargeException e = assertThrows(RecordTooLargeException.class, () -> follower.appendBatch(big));
            assertTrue(e.getMessage().startsWith("record 1 of the batch is " + (20 + 20 + 6 + 4 + 20) + " bytes encoded"), e.getMessage());
            assertEquals(1, follower.endOffset());
            assertEquals(small.sizeInBytes(), follower.sizeInBytes());
        }
    }

    @Test
    void readBatchesRespectsMaxBytesAndAlwaysReturnsTheFirstBatch() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogBatch> written = appendBatches(log, 0, 200, 0);
            assertTrue(log.segmentCount() >= 3);
            assertEquals(written, log.readBatches(0, Integer.MAX_VALUE), "all batches, across segments, in order");

            int s0 = written.get(0).sizeInBytes();
            int s1 = written.get(1).sizeInBytes();
            int s2 = written.get(2).sizeInBytes();
            assertEquals(List.of(written.get(0)), log.readBatches(0, 0));
            assertEquals(List.of(written.get(0)), log.readBatches(0, s0 - 1), "the first batch even if larger than maxBytes");
            assertEquals(List.of(written.get(0)), log.readBatches(0, s0 + s1 - 1));
            assertEquals(written.subList(0, 2), log.readBatches(0, s0 + s1));
            assertEquals(written.subList(0, 2), log.readBatches(0, s0 + s1 + s2 - 1));
            assertEquals(written.subList(0, 3), log.readBatches(0, s0 + s1 + s2));

            // from every offset: the first batch holds it, the rest follow densely up to maxBytes
            for (long from = 0; from < 200; from++) {
                List<LogBatch> got = log.readBatches(from, 300);
                LogBatch first = got.get(0);
                assertTrue(first.baseOffset() <= from && from <= first.lastOffset(), "from " + from + ": " + first);
                int total = 0;
                for (int i = 0; i < got.size(); i++) {
                    if (i > 0) {
                        assertEquals(got.get(i - 1).nextOffset(), got.get(i).baseOffset());
                    }
                    total += got.get(i).sizeInBytes();
                }
                assertTrue(got.size() == 1 || total <= 300, "from " + from + ": " + total + " bytes");
                LogBatch last = got.get(got.size() - 1);
                if (last.nextOffset() < 200) {
                    int nextSize = log.readBatches(last.nextOffset(), 0).get(0).sizeInBytes();
                    assertTrue(total + nextSize > 300, "from " + from + ": stopped early");
                }
            }
            LogBatch mid = written.get(3);     // 4 records
            assertEquals(4, mid.recordCount());
            assertEquals(mid, log.readBatches(mid.baseOffset() + 2, 0).get(0), "a batch starting below fromOffset");

            assertEquals(List.of(), log.readBatches(200, 1000), "empty at the end offset");
            LogOffsetOutOfRangeException above = assertThrows(LogOffsetOutOfRangeException.class, () -> log.readBatches(201, 1000));
            assertTrue(above.getMessage().startsWith("readBatches: offset 201 is out of range: above the log end offset 200"),
                    above.getMessage());
            log.deleteSegmentsBefore(log.segmentBaseOffsets().get(1));
            long start = log.startOffset();
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.readBatches(start - 1, 1000));
            assertEquals(start, log.readBatches(start, 0).get(0).baseOffset());
            assertEquals("maxBytes -1 is negative", assertThrows(IllegalArgumentException.class, () -> log.readBatches(start, -1)).getMessage());
        }
    }

    @Test
    void readBatchesDetectsACorruptBatch() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(List.of(record(1), record(2)), 1);
            log.append(List.of(record(3)), 1);
            log.flush();
            Path file = dir.resolve(Segment.fileName(0, Segment.LOG));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), Files.size(file) - 1);   // the last batch's value
            }
            assertEquals(1, log.readBatches(0, 0).size(), "the first batch is intact");
            assertEquals(1, log.readBatches(0, 1 << 20).size(), "a read stops before the bad batch, with the good ones before it");
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> log.readBatches(2, 0));
            assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
            assertEquals(file.toString(), e.file());
            assertEquals(log.findCorruption(file.toString()).position(), e.position(), "the read names where the bad batch starts");
        }
    }

    @Test
    void resetToLeavesAnEmptyLogAtTheNewStart() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            appendBatches(log, 0, 100, 4);
            assertTrue(log.segmentCount() > 1);
            log.resetTo(1_000);
            assertEquals(1_000, log.startOffset());
            assertEquals(1_000, log.endOffset());
            assertEquals(List.of(1_000L), log.segmentBaseOffsets());
            assertEquals(0, log.sizeInBytes());
            assertEquals(-1, log.lastLeaderEpoch());
            assertEquals(List.of(), log.read(1_000, 10, 1000));
            assertEquals(List.of(), log.readBatches(1_000, 1000));
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.read(0, 1, 1));
            assertThrows(LogOffsetOutOfRangeException.class, () -> log.readBatches(999, 1));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("00000000000000001000.index", "00000000000000001000.log", "00000000000000001000.timeindex"),
                        files.map(p -> p.getFileName().toString()).sorted().toList(), "the old segments are gone");
            }
            assertEquals(1_000, log.append(List.of(record(1)), 1));
            appendBatches(log, 2, 60, 5);
            assertEquals(1_061, log.endOffset());
            assertEquals(5, log.lastLeaderEpoch());
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean(), log.recoveryReport().toString());
            assertEquals(1_000, log.startOffset());
            assertEquals(1_061, log.endOffset());
            assertEquals(record(1), log.read(1_000, 1, 1).get(0).record());
            assertEquals(record(61), log.read(1_060, 1, 1).get(0).record());
            // reset to the base of the current first segment, then below it
            log.resetTo(1_000);
            assertEquals(1_000, log.endOffset());
            assertEquals(List.of(), log.read(1_000, 1, 1));
            log.resetTo(7);
            assertEquals(7, log.append(List.of(record(7)), 1));
            assertThrows(IllegalArgumentException.class, () -> log.resetTo(-1));
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean(), log.recoveryReport().toString());
            assertEquals(List.of(7L), log.segmentBaseOffsets());
            assertEquals(8, log.endOffset());
            log.resetTo(50);
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertEquals(50, log.startOffset());
            assertEquals(50, log.endOffset());
            assertEquals(-1, log.lastLeaderEpoch());
        }
    }

    @Test
    void aResetFollowerTakesBatchesFromTheLeadersStart() {
        try (SegmentedLog leader = SegmentedLog.open(dir.resolve("leader"), SMALL);
             SegmentedLog follower = SegmentedLog.open(dir.resolve("follower"), SMALL)) {
            appendBatches(leader, 0, 200, 1);
            appendBatches(follower, 0, 10, 1);
            leader.applyRetention(2 * SMALL.segmentBytes(), -1, 0);
            assertTrue(leader.startOffset() > follower.endOffset());
            assertThrows(LogOffsetOutOfRangeException.class, () -> leader.readBatches(follower.endOffset(), 1000));
            follower.resetTo(leader.startOffset());
            replicate(leader, follower, 500);
            assertEquals(leader.readBatches(leader.startOffset(), Integer.MAX_VALUE), follower.readBatches(follower.startOffset(),
                    Integer.MAX_VALUE));
            assertEquals(leader.startOffset(), follower.startOffset());
        }
    }

    @Test
    void lastLeaderEpochFollowsEveryOperation() {
        LogStorageConfig config = new LogStorageConfig(400, 300, 64);
        try (SegmentedLog leader = SegmentedLog.open(dir.resolve("leader"), config);
             SegmentedLog log = SegmentedLog.open(dir.resolve("log"), config)) {
            assertEquals(-1, log.lastLeaderEpoch(), "empty");
            log.append(List.of(record(0)), 1);
            assertEquals(0, log.lastLeaderEpoch(), "append without meta: epoch 0");
            log.append(List.of(record(1), record(2)), 1, new BatchMeta(1, 0, 2));
            assertEquals(2, log.lastLeaderEpoch());
            // a batch of epoch 5 from another log, appended verbatim
            leader.append(List.of(record(0), record(1), record(2)), 1);
            LogBatch fromLeader = leader.append(List.of(record(3), record(4), record(5)), 1, new BatchMeta(1, 3, 5));
            log.appendBatch(fromLeader);
            assertEquals(5, log.lastLeaderEpoch());
            log.truncateTo(5);
            assertEquals(5, log.lastLeaderEpoch(), "a batch cut in the middle keeps its epoch");
            log.truncateTo(3);
            assertEquals(2, log.lastLeaderEpoch(), "back to the batch before");
            log.truncateTo(2);
            assertEquals(2, log.lastLeaderEpoch());
            log.truncateTo(1);
            assertEquals(0, log.lastLeaderEpoch());
            log.truncateTo(0);
            assertEquals(-1, log.lastLeaderEpoch(), "truncated to nothing");

            // epochs 6 over several segments, then the active segment emptied by truncation at its base
            for (int i = 0; i < 12; i++) {
                log.append(List.of(record(i)), 1, new BatchMeta(-1, -1, 6 + i / 4));
            }
            assertEquals(8, log.lastLeaderEpoch());
            assertTrue(log.segmentCount() >= 3, "segments: " + log.segmentBaseOffsets());
            long activeBase = log.segmentBaseOffsets().get(log.segmentCount() - 1);
            int epochBefore = 6 + (int) (activeBase - 1) / 4;
            log.truncateTo(activeBase);
            assertEquals(epochBefore, log.lastLeaderEpoch(), "from the segment before the empty active one");
            assertTrue(log.applyRetention(0, -1, 0) > 0);
            assertEquals(1, log.segmentCount());
            assertEquals(-1, log.lastLeaderEpoch(), "retention left only the empty active segment");
            log.append(List.of(record(1)), 1, new BatchMeta(-1, -1, 9));
            assertEquals(9, log.lastLeaderEpoch());
            log.resetTo(100);
            assertEquals(-1, log.lastLeaderEpoch(), "reset");
            log.append(List.of(record(1), record(2)), 1, new BatchMeta(-1, -1, 11));
            log.append(List.of(record(3)), 1, new BatchMeta(-1, -1, 12));
            assertEquals(12, log.lastLeaderEpoch());
        }
        try (SegmentedLog log = SegmentedLog.open(dir.resolve("log"), config)) {
            assertEquals(12, log.lastLeaderEpoch(), "rebuilt on open");
        }
    }

    @Test
    void lastLeaderEpochAfterRecoveryCutsATornBatch() throws IOException {
        Path d = dir.resolve("log");
        try (SegmentedLog log = SegmentedLog.open(d, SMALL)) {
            log.append(List.of(record(1)), 1, new BatchMeta(-1, -1, 6));
            log.append(List.of(record(2)), 1, new BatchMeta(-1, -1, 7));
        }
        Path file = d.resolve(Segment.fileName(0, Segment.LOG));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1);
        }
        try (SegmentedLog log = SegmentedLog.open(d, SMALL)) {
            assertEquals(1, log.recoveryReport().cuts().size());
            assertEquals(1, log.endOffset());
            assertEquals(6, log.lastLeaderEpoch());
        }
    }
}
