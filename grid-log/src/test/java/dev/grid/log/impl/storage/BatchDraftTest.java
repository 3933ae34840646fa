package dev.grid.log.impl.storage;

import dev.grid.log.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A producer's {@link BatchDraft} stored by {@link SegmentedLog#appendDraft}: completed in place, or refused whole. */
class BatchDraftTest {
    private static final LogStorageConfig CONFIG = new LogStorageConfig(1 << 20, 1024, 1024);

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<LogRecord> records() {
        List<LogRecord> out = new ArrayList<>();
        out.add(new LogRecord(utf8("k0"), utf8("v0"), LogRecord.NO_TIMESTAMP, List.of(new Header("trace", utf8("abc")))));
        out.add(new LogRecord(null, utf8("v1"), 1_000, List.of(new Header("ü-€", null))));
        out.add(new LogRecord(utf8("k2"), new byte[0], LogRecord.NO_TIMESTAMP));
        return out;
    }

    private static List<LogRecord> read(SegmentedLog log, long from) {
        return log.read(from, Integer.MAX_VALUE, Integer.MAX_VALUE).stream().map(LogEntry::record).toList();
    }

    @Test
    void aDraftIsStoredAsTheSameRecordsEncodedByTheLogWouldBe() {
        try (SegmentedLog drafts = SegmentedLog.open(dir.resolve("drafts"), CONFIG);
             SegmentedLog encoded = SegmentedLog.open(dir.resolve("encoded"), CONFIG)) {
            BatchMeta meta = new BatchMeta(42, 7, 3);
            LogBatch fromDraft = drafts.appendDraft(BatchDraft.of(records(), 99, 99), 500, meta, false);
            LogBatch fromRecords = encoded.append(records(), 500, meta);
            assertEquals(ByteBuffer.wrap(fromRecords.toByteArray()), ByteBuffer.wrap(fromDraft.toByteArray()),
                    "byte for byte: the owner's meta replaces the draft's producer id and sequence");
            assertNull(BatchFormat.check(ByteBuffer.wrap(fromDraft.toByteArray()).order(ByteOrder.LITTLE_ENDIAN)));
            List<LogRecord> stored = read(drafts, 0);
            assertEquals(500, stored.get(0).timestamp(), "no timestamp: the append time");
            assertEquals(1_000, stored.get(1).timestamp(), "the producer's timestamp kept");
            assertEquals(records().get(1).headers(), stored.get(1).headers());
            assertEquals(1_000, fromDraft.maxTimestamp());

            LogBatch second = drafts.appendDraft(BatchDraft.of(records(), 1, 0), 600, BatchMeta.NONE, false);
            assertEquals(3, second.baseOffset(), "the next batch follows the first");
        }
    }

    @Test
    void stampAllGivesEveryRecordTheAppendTime() {
        try (SegmentedLog log = SegmentedLog.open(dir, CONFIG)) {
            LogBatch batch = log.appendDraft(BatchDraft.of(records(), 1, 0), 700, BatchMeta.NONE, true);
            assertEquals(List.of(700L, 700L, 700L), read(log, 0).stream().map(LogRecord::timestamp).toList());
            assertEquals(700, batch.maxTimestamp());
        }
    }

    @Test
    void aDraftGrowsPastItsFirstCapacity() {
        BatchDraft draft = new BatchDraft(64);
        List<LogRecord> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LogRecord r = new LogRecord(utf8("key-" + i), utf8("value-" + i), i);
            many.add(r);
            draft.add(r);
        }
        assertEquals(500, draft.recordCount());
        try (SegmentedLog log = SegmentedLog.open(dir, CONFIG)) {
            byte[] bytes = draft.toBytes(5, 0);
            assertEquals(draft.sizeInBytes(), bytes.length);
            log.appendDraft(bytes, 1, BatchMeta.NONE, false);
            assertEquals(many, read(log, 0));
        }
        assertThrows(IllegalStateException.class, () -> new BatchDraft().toBytes(1, 0), "an empty draft");
    }

    @Test
    void aMalformedDraftIsRefusedWithItsReasonAndNothingIsStored() {
        byte[] good = BatchDraft.of(records(), 1, 0);
        List<byte[]> bad = new ArrayList<>();
        bad.add(Arrays.copyOf(good, good.length - 1));                 // truncated
        bad.add(Arrays.copyOf(good, good.length + 4));                 // padded
        bad.add(withInt(good, BatchFormat.COUNT_AT, 4));               // more records than it holds
        bad.add(withInt(good, BatchFormat.COUNT_AT, 0));               // none
        bad.add(withInt(good, BatchFormat.HEADER_SIZE + 8, 1 << 20));  // key length past the end
        bad.add(withLong(good, BatchFormat.HEADER_SIZE, -2));          // a negative timestamp other than "none"
        bad.add(new byte[10]);
        try (SegmentedLog log = SegmentedLog.open(dir, CONFIG)) {
            for (byte[] draft : bad) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                        () -> log.appendDraft(draft, 1, new BatchMeta(77, 0, 0), false));
                assertTrue(refused.getMessage().contains("malformed batch of " + draft.length + " bytes from producer 77"),
                        refused.getMessage());
                assertEquals(0, log.endOffset(), "nothing stored");
            }
            log.appendDraft(good, 1, BatchMeta.NONE, false);
            assertEquals(3, log.endOffset());
        }
    }

    @Test
    void aRecordAboveTheMaximumSizeIsRefusedByIndex() {
        List<LogRecord> records = new ArrayList<>(records());
        records.add(new LogRecord(null, new byte[2000], 5));
        try (SegmentedLog log = SegmentedLog.open(dir, CONFIG)) {
            RecordTooLargeException refused = assertThrows(RecordTooLargeException.class,
                    () -> log.appendDraft(BatchDraft.of(records, 1, 0), 1, BatchMeta.NONE, false));
            assertTrue(refused.getMessage().startsWith("record 3 of the batch is 2020 bytes"), refused.getMessage());
            assertEquals(0, log.endOffset());
        }
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    private static byte[] withLong(byte[] bytes, int at, long value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
        return copy;
    }
}
