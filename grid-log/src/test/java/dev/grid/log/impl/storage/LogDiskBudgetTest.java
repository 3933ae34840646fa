package dev.grid.log.impl.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogDiskBudgetTest {
    /** Segments of at most 4 batches of {@link #BATCH} bytes. */
    private static final LogStorageConfig SMALL = new LogStorageConfig(4 * 100, 512, 128);
    private static final LogRecord RECORD = new LogRecord(null, "x".repeat(100 - BatchFormat.HEADER_SIZE - BatchFormat.RECORD_OVERHEAD)
            .getBytes(StandardCharsets.UTF_8), 1_000);
    /** Bytes of a one-record batch of {@link #RECORD}. */
    private static final int BATCH = 100;

    @TempDir
    Path dir;

    private static long append(SegmentedLog log) {
        return log.append(List.of(RECORD), 5_000);
    }

    @Test
    void theBatchSizeIsWhatTheTestsAssume() {
        assertEquals(BATCH, BatchFormat.HEADER_SIZE + RECORD.encodedSize());
    }

    @Test
    void twoLogsShareTheBudgetAndAnAppendOverItIsRefusedWithNothingStored() {
        LogDiskBudget budget = new LogDiskBudget(5 * BATCH);
        try (SegmentedLog a = SegmentedLog.open(dir.resolve("a"), SMALL, budget);
             SegmentedLog b = SegmentedLog.open(dir.resolve("b"), SMALL, budget)) {
            for (int i = 0; i < 3; i++) {
                append(a);
            }
            append(b);
            append(b);
            assertEquals(5 * BATCH, budget.usedBytes());
            assertEquals(budget.usedBytes(), a.sizeInBytes() + b.sizeInBytes());
            List<LogEntry> before = b.read(0, 100, 1 << 20);

            LogDiskBudgetExceededException e = assertThrows(LogDiskBudgetExceededException.class, () -> append(b));
            assertTrue(e.getMessage().contains(dir.resolve("b").toString()), e.getMessage());
            assertTrue(e.getMessage().contains("needs " + BATCH + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("budget is " + 5 * BATCH + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("hold " + 5 * BATCH + " bytes now"), e.getMessage());
            assertEquals(dir.resolve("b"), e.directory());
            assertEquals(BATCH, e.bytesNeeded());
            assertEquals(5 * BATCH, e.budgetBytes());
            assertEquals(5 * BATCH, e.usedBytes());

            assertEquals(2, b.endOffset());
            assertEquals(2 * BATCH, b.sizeInBytes());
            assertEquals(before, b.read(0, 100, 1 << 20));
            assertEquals(5 * BATCH, budget.usedBytes());
            assertThrows(LogDiskBudgetExceededException.class, () -> append(a));
            assertEquals(3, a.endOffset());
        }
        assertEquals(0, budget.usedBytes(), "close gives the logs' bytes back");
    }

    @Test
    void retentionFreesBytesSoALaterAppendFits() {
        LogDiskBudget budget = new LogDiskBudget(6 * BATCH);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, budget)) {
            for (int i = 0; i < 6; i++) {
                append(log);
            }
            assertEquals(2, log.segmentCount());
            assertThrows(LogDiskBudgetExceededException.class, () -> append(log));
            assertEquals(6, log.endOffset());

            assertEquals(1, log.applyRetention(0, -1, 0));      // the sealed segment of 4 batches goes
            assertEquals(2 * BATCH, budget.usedBytes());
            assertEquals(6, append(log));
            assertEquals(3 * BATCH, budget.usedBytes());

            for (int i = 0; i < 3; i++) {
                append(log);
            }
            assertEquals(6 * BATCH, budget.usedBytes());
            assertEquals(1, log.deleteSegmentsBefore(8));
            assertEquals(2 * BATCH, budget.usedBytes());
            assertEquals(budget.usedBytes(), log.sizeInBytes());
        }
    }

    @Test
    void truncationFreesBytes() {
        LogDiskBudget budget = new LogDiskBudget(10 * BATCH);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, budget)) {
            for (int i = 0; i < 10; i++) {
                append(log);
            }
            assertThrows(LogDiskBudgetExceededException.class, () -> append(log));
            log.truncateTo(3);                                  // across a segment boundary
            assertEquals(3 * BATCH, budget.usedBytes());
            assertEquals(budget.usedBytes(), log.sizeInBytes());
            // a batch cut in the middle is rewritten smaller: the budget follows the files
            log.append(List.of(RECORD, RECORD, RECORD), 5_000);
            long beforeCut = budget.usedBytes();
            log.truncateTo(4);
            assertTrue(budget.usedBytes() < beforeCut);
            assertEquals(log.sizeInBytes(), budget.usedBytes());
            assertEquals(4, log.endOffset());
        }
    }

    @Test
    void appendBatchReservesItsBytesAndIsRefusedOverTheBudget() {
        LogDiskBudget budget = new LogDiskBudget(5 * BATCH);
        try (SegmentedLog leader = SegmentedLog.open(dir.resolve("leader"), SMALL);
             SegmentedLog follower = SegmentedLog.open(dir.resolve("follower"), SMALL, budget)) {
            List<LogBatch> batches = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                batches.add(leader.append(List.of(RECORD), 5_000, new BatchMeta(1, i, 2)));
            }
            LogBatch big = leader.append(List.of(RECORD, RECORD), 5_000, new BatchMeta(1, 7, 2));
            for (int i = 0; i < 5; i++) {
                follower.appendBatch(batches.get(i));
                assertEquals((i + 1L) * BATCH, budget.usedBytes());
            }
            assertEquals(2, follower.segmentCount(), "rolled like the leader");
            LogDiskBudgetExceededException e = assertThrows(LogDiskBudgetExceededException.class, () -> follower.appendBatch(batches.get(5)));
            assertEquals(BATCH, e.bytesNeeded());
            assertEquals(dir.resolve("follower"), e.directory());
            assertEquals(5, follower.endOffset());
            assertEquals(5 * BATCH, follower.sizeInBytes());
            assertEquals(5 * BATCH, budget.usedBytes());

            follower.applyRetention(0, -1, 0);
            assertEquals(BATCH, budget.usedBytes());
            follower.appendBatch(batches.get(5));
            follower.appendBatch(batches.get(6));
            assertEquals(3 * BATCH, budget.usedBytes());
            follower.appendBatch(big);
            assertEquals(3 * BATCH + big.sizeInBytes(), budget.usedBytes());
            assertEquals(budget.usedBytes(), follower.sizeInBytes());
        }
        assertEquals(0, budget.usedBytes());
    }

    @Test
    void resetToGivesBackEveryByte() {
        LogDiskBudget budget = new LogDiskBudget(8 * BATCH);
        try (SegmentedLog a = SegmentedLog.open(dir.resolve("a"), SMALL, budget);
             SegmentedLog b = SegmentedLog.open(dir.resolve("b"), SMALL, budget)) {
            for (int i = 0; i < 6; i++) {
                append(a);
            }
            append(b);
            append(b);
            assertEquals(2, a.segmentCount());
            assertThrows(LogDiskBudgetExceededException.class, () -> append(b));
            a.resetTo(500);
            assertEquals(2 * BATCH, budget.usedBytes(), "only b's bytes are left");
            assertEquals(0, a.sizeInBytes());
            for (int i = 0; i < 6; i++) {
                append(b);
            }
            assertEquals(8 * BATCH, budget.usedBytes());
            assertThrows(LogDiskBudgetExceededException.class, () -> append(a));
            assertEquals(500, a.endOffset());
            b.resetTo(0);
            assertEquals(0, budget.usedBytes());
            assertEquals(500, append(a));
            assertEquals(BATCH, budget.usedBytes());
            assertEquals(budget.usedBytes(), a.sizeInBytes() + b.sizeInBytes());
        }
        assertEquals(0, budget.usedBytes());
    }

    @Test
    void reopeningCountsTheExistingFiles() {
        LogDiskBudget first = new LogDiskBudget(0);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, first)) {
            for (int i = 0; i < 7; i++) {
                append(log);
            }
            assertEquals(7 * BATCH, first.usedBytes(), "no limit: still counted");
        }
        assertEquals(0, first.usedBytes());

        // the member restarts with a smaller budget than its files: they are counted, appends refused
        LogDiskBudget budget = new LogDiskBudget(5 * BATCH);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, budget)) {
            assertEquals(7 * BATCH, budget.usedBytes());
            assertThrows(LogDiskBudgetExceededException.class, () -> append(log));
            assertEquals(7, log.endOffset());
            assertEquals(1, log.applyRetention(0, -1, 0));
            assertEquals(3 * BATCH, budget.usedBytes());
            append(log);
            append(log);
            assertThrows(LogDiskBudgetExceededException.class, () -> append(log));
            assertEquals(9, log.endOffset());
        }
        assertEquals(0, budget.usedBytes());
    }

    @Test
    void logsOpenedWithoutABudgetHaveNoLimit() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            for (int i = 0; i < 20; i++) {
                append(log);
            }
            assertEquals(20 * BATCH, log.diskBudget().usedBytes());
            assertFalse(log.diskBudget().hasLimit());
        }
    }

    @Test
    void concurrentAppendsOnTwoLogsNeverExceedTheBudget() throws Exception {
        int limitBatches = 25;
        LogDiskBudget budget = new LogDiskBudget((long) limitBatches * BATCH);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SegmentedLog a = SegmentedLog.open(dir.resolve("a"), SMALL, budget);
             SegmentedLog b = SegmentedLog.open(dir.resolve("b"), SMALL, budget)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> results = new ArrayList<>();
            for (SegmentedLog log : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    int refused = 0;
                    for (int i = 0; i < 40; i++) {
                        try {
                            append(log);
                            ok++;
                        } catch (LogDiskBudgetExceededException e) {
                            refused++;
                        }
                        if (budget.usedBytes() > budget.limitBytes()) {
                            throw new AssertionError("over the budget: " + budget);
                        }
                    }
                    return new int[] {ok, refused};
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(30, TimeUnit.SECONDS);
                ok += r[0];
                refused += r[1];
            }
            assertEquals(limitBatches, ok);
            assertEquals(80 - limitBatches, refused);
            assertEquals((long) limitBatches * BATCH, budget.usedBytes());
            assertEquals(budget.usedBytes(), a.sizeInBytes() + b.sizeInBytes());
            assertEquals(limitBatches, a.endOffset() + b.endOffset());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, budget.usedBytes());
    }
}
