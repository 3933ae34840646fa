package dev.grid.log.impl.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolled segment is sealed (index files written, batches checked) on the background thread, not on the appending one,
 * and a log closed before that thread got to it still leaves every segment's index files written.
 */
@Timeout(60)
class RolledSegmentSealTest {
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);

    @TempDir
    Path dir;

    /** Holds the single sealing thread until released, so the test decides when sealing happens. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheSealingThread() {
        release.countDown();
    }

    private void holdTheSealingThread() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        RolledSegmentChecks.sealLater(() -> {
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(10, TimeUnit.SECONDS), "the sealing thread never picked up the blocking task");
    }

    private static void appendUntilRolled(SegmentedLog log, int segments) {
        int i = 0;
        while (log.segmentCount() < segments) {
            log.append(List.of(new LogRecord(null, ("value-" + i++).getBytes(StandardCharsets.UTF_8), 1_000)), 1_000);
        }
    }

    private long indexBytes(long base) throws IOException {
        return Files.size(dir.resolve(Segment.fileName(base, Segment.INDEX)));
    }

    @Test
    void theIndexFilesOfARolledSegmentAreWrittenOffTheAppendingThread() throws Exception {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            holdTheSealingThread();
            appendUntilRolled(log, 3);
            long first = log.segmentBaseOffsets().get(0);
            assertEquals(0, indexBytes(first), "the appending thread wrote the rolled segment's index file");

            release.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> indexBytes(first) >= 8);
            assertTrue(Files.size(dir.resolve(Segment.fileName(first, Segment.TIME_INDEX))) >= 12);
        }
    }

    @Test
    void closingBeforeTheSealingThreadRanStillWritesEverySegmentsIndexFiles() throws Exception {
        List<Long> bases;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            holdTheSealingThread();
            appendUntilRolled(log, 4);
            bases = log.segmentBaseOffsets();
        }
        for (long base : bases) {
            assertTrue(indexBytes(base) >= 8, "segment " + base + ": index file not written at close");
            assertTrue(Files.size(dir.resolve(Segment.fileName(base, Segment.TIME_INDEX))) >= 12,
                    "segment " + base + ": time index file not written at close");
        }
    }

    @Test
    void theCheckPausesThreeTimesAsLongAsItWorked() {
        long began = System.nanoTime();
        RolledSegmentChecks.pace(TimeUnit.MILLISECONDS.toNanos(20));
        long pausedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertTrue(pausedMillis >= 60, "paused " + pausedMillis + " ms after 20 ms of work");
    }
}
