package dev.grid.log.impl.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers ({@code read} and {@code readBatches}) running while the single writer appends, rolls and applies retention see
 * dense, intact records and whole batches.
 */
class SegmentedLogConcurrencyTest {
    @TempDir
    Path dir;

    private static LogRecord record(long offset) {
        return new LogRecord(null, ("v" + offset + "-" + "y".repeat((int) (offset % 23))).getBytes(StandardCharsets.UTF_8), offset);
    }

    @Test
    @Timeout(60)
    void readersSeeDenseIntactRecordsWhileTheWriterAppendsRollsAndDeletes() throws Exception {
        int total = 20_000;
        try (SegmentedLog log = SegmentedLog.open(dir, new LogStorageConfig(4096, 512, 256))) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicLong recordsRead = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Thread t = new Thread(() -> {
                    try {
                        long next = 0;
                        while (!done.get() || next < log.endOffset()) {
                            List<LogEntry> got;
                            try {
                                got = log.read(next, 50, 4096);
                            } catch (LogOffsetOutOfRangeException e) {
                                assertTrue(e.offset() < e.startOffset(), e.getMessage());   // retention overtook us
                                next = e.startOffset();
                                continue;
                            }
                            for (LogEntry e : got) {
                                assertEquals(next, e.offset());
                                assertEquals(record(next), e.record());
                                next++;
                            }
                            recordsRead.addAndGet(got.size());
                        }
                        assertEquals(total, next);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "log-reader-" + r);
                t.start();
                readers.add(t);
            }
            Thread batchReader = new Thread(() -> {
                try {
                    long next = 0;
                    while (!done.get() || next < log.endOffset()) {
                        List<LogBatch> got;
                        try {
                            got = log.readBatches(next, 4096);
                        } catch (LogOffsetOutOfRangeException e) {
                            assertTrue(e.offset() < e.startOffset(), e.getMessage());
                            next = e.startOffset();     // a segment base: a batch boundary
                            continue;
                        }
                        for (LogBatch b : got) {
                            assertEquals(next, b.baseOffset(), "whole batches from a batch boundary, dense");
                            for (LogEntry e : b.entries()) {
                                assertEquals(record(e.offset()), e.record());
                            }
                            next = b.nextOffset();
                        }
                        recordsRead.addAndGet(got.stream().mapToInt(LogBatch::recordCount).sum());
                    }
                    assertEquals(total, next);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "log-batch-reader");
            batchReader.start();
            readers.add(batchReader);
            long offset = 0;
            int batch = 0;
            while (offset < total) {
                List<LogRecord> b = new ArrayList<>();
                for (int j = 0; j <= batch % 5 && offset + j < total; j++) {
                    b.add(record(offset + j));
                }
                assertEquals(offset, log.append(b, 1));
                offset += b.size();
                if (++batch % 200 == 0) {
                    log.applyRetention(16 * 4096, -1, 0);
                }
            }
            done.set(true);
            for (Thread t : readers) {
                t.join();
            }
            assertNull(failure.get(), () -> "reader failed: " + failure.get());
            assertTrue(recordsRead.get() > 0);
            assertTrue(log.startOffset() > 0, "retention ran");
        }
    }
}
