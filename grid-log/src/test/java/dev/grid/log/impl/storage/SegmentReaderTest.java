package dev.grid.log.impl.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Walks over one segment that holds far more than one read chunk (256 KiB) of small batches: every read, the scrub and a
 * batch larger than a chunk see exactly the stored bytes, and a bad batch in the middle of a chunk is named.
 */
class SegmentReaderTest {
    /** One 8 MiB segment, records up to 1 MiB, an index entry every 4 KiB (the default). */
    private static final LogStorageConfig ONE_SEGMENT = new LogStorageConfig(8 << 20, 1 << 20, 4096);

    @TempDir
    Path dir;

    private static LogRecord record(int i, int valueBytes) {
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) ('a' + i % 26));
        return new LogRecord(("k" + i).getBytes(StandardCharsets.UTF_8), value, 1_000 + i);
    }

    /** About 800 KiB of batches of 1-4 records of 60-160 bytes, with one 300 KiB record in the middle. */
    private static List<LogBatch> fill(SegmentedLog log) {
        List<LogBatch> stored = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            List<LogRecord> records = new ArrayList<>();
            for (int j = 0; j <= i % 4; j++) {
                records.add(record(i, i == 1_500 ? 300 << 10 : 60 + i % 101));
            }
            stored.add(log.append(records, 5_000, BatchMeta.NONE));
        }
        return stored;
    }

    @Test
    void readsOfEveryBatchEqualTheBatchesStored() {
        try (SegmentedLog log = SegmentedLog.open(dir, ONE_SEGMENT)) {
            List<LogBatch> stored = fill(log);
            assertEquals(1, log.segmentCount(), "one segment, many chunks");
            for (int maxBytes : new int[] {1, 5_000, 1 << 20, 4 << 20}) {
                List<LogBatch> read = new ArrayList<>();
                long next = 0;
                while (next < log.endOffset()) {
                    List<LogBatch> got = log.readBatches(next, maxBytes);
                    read.addAll(got);
                    next = got.get(got.size() - 1).nextOffset();
                }
                assertEquals(stored, read, "maxBytes " + maxBytes);
            }
            // from an offset inside a batch: the batch holding it comes first
            LogBatch middle = stored.get(2_000);
            assertEquals(middle, log.readBatches(middle.baseOffset() + middle.recordCount() - 1, 1).get(0));
            // records, decoded
            LogBatch large = stored.get(1_500);
            List<LogEntry> entries = log.read(large.baseOffset(), 1, 1);
            assertEquals(large.baseOffset(), entries.get(0).offset());
            assertArrayEquals(large.records().get(0).value(), entries.get(0).record().value());
        }
    }

    @Test
    void theScrubNamesABadBatchInTheMiddleOfAChunk() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, ONE_SEGMENT)) {
            List<LogBatch> stored = fill(log);
            log.append(List.of(record(0, 10)), 5_000);
            while (log.segmentCount() == 1) {              // roll, so that the full segment is sealed and scrubbed
                log.append(List.of(record(1, 200 << 10)), 5_000);
            }
            long position = 0;
            int bad = 700;                                 // about 110 KiB in: inside the first chunk, not at its start
            for (int i = 0; i < bad; i++) {
                position += stored.get(i).sizeInBytes();
            }
            Path file = dir.resolve(Segment.fileName(0, Segment.LOG));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {'#'}), position + stored.get(bad).sizeInBytes() - 1);
            }
            long from = 0;
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> {
                ScrubStep s = new ScrubStep(from, 0, false);
                while (!s.done()) {
                    s = log.scrub(s.nextOffset(), 1 << 20);
                }
            });
            assertEquals(file.toString(), e.file());
            assertEquals(position, e.position());
            assertEquals("CRC32C mismatch", e.reason());
            assertThrows(CorruptLogException.class, () -> log.readBatches(stored.get(bad).baseOffset(), 1));
            assertEquals(stored.subList(bad - 2, bad), log.readBatches(stored.get(bad - 2).baseOffset(), 1 << 20),
                    "a read stops before the bad batch, with the batches before it");
        }
    }
}
