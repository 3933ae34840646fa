package dev.grid.log.impl.storage;

import dev.grid.log.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record headers, batch metadata and {@link LogBatch}: encoding, validation, round trips. */
class LogBatchTest {
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Records with every kind of header: none, null values, empty values, repeated and non-ASCII keys. */
    private static List<LogRecord> recordsWithHeaders() {
        List<LogRecord> out = new ArrayList<>();
        out.add(new LogRecord(utf8("k0"), utf8("v0"), 100, List.of(new Header("trace", utf8("abc")))));
        out.add(new LogRecord(null, utf8("v1"), 101, List.of(new Header("nullValue", null), new Header("empty", new byte[0]))));
        out.add(new LogRecord(utf8("k2"), utf8("v2"), 102, List.of()));
        out.add(new LogRecord(utf8("k3"), new byte[0], 103, null));
        out.add(new LogRecord(utf8("k4"), utf8("v4"), 104));
        out.add(new LogRecord(utf8("k5"), utf8("v5"), 105, List.of(new Header("dup", utf8("1")), new Header("dup", utf8("2")),
                new Header("", utf8("empty key")), new Header("ünïcödé-€-\uD83D\uDE00", utf8("non-ASCII key")))));
        return out;
    }

    private static List<LogRecord> readAll(SegmentedLog log) {
        return log.read(log.startOffset(), Integer.MAX_VALUE, Integer.MAX_VALUE).stream().map(LogEntry::record).toList();
    }

    @Test
    void headersRoundTripThroughAppendReadAndReopen() {
        List<LogRecord> written = recordsWithHeaders();
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(written.subList(0, 2), 1);
            log.append(written.subList(2, 4), 1);
            log.append(written.subList(4, 6), 1);
            assertEquals(written, readAll(log));
            List<LogRecord> fromBatches = new ArrayList<>();
            for (LogBatch b : log.readBatches(0, Integer.MAX_VALUE)) {
                fromBatches.addAll(b.records());
            }
            assertEquals(written, fromBatches);
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertTrue(log.recoveryReport().clean(), log.recoveryReport().toString());
            List<LogRecord> read = readAll(log);
            assertEquals(written, read);
            // the details equals hides behind Arrays.equals/List.equals
            assertNull(read.get(1).headers().get(0).value(), "a null header value stays null");
            assertEquals(0, read.get(1).headers().get(1).value().length, "an empty header value stays empty");
            assertEquals(List.of(), read.get(2).headers());
            assertEquals(List.of(), read.get(3).headers());
            assertEquals("ünïcödé-€-\uD83D\uDE00", read.get(5).headers().get(3).key());
            assertEquals(List.of("dup", "dup", "", "ünïcödé-€-\uD83D\uDE00"), read.get(5).headers().stream().map(Header::key).toList());
            assertThrows(UnsupportedOperationException.class, () -> read.get(0).headers().add(new Header("x", null)));
        }
    }

    @Test
    void recordsWithoutTimestampKeepTheirHeadersWhenStamped() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<Header> headers = List.of(new Header("h", utf8("v")));
            log.append(List.of(new LogRecord(null, utf8("x"), LogRecord.NO_TIMESTAMP, headers)), 77);
            LogRecord read = log.read(0, 1, 100).get(0).record();
            assertEquals(77, read.timestamp());
            assertEquals(headers, read.headers());
        }
    }

    @Test
    void encodedSizeCountsHeadersExactly() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            for (LogRecord r : recordsWithHeaders()) {
                LogBatch b = log.append(List.of(r), 1, BatchMeta.NONE);
                assertEquals(BatchFormat.HEADER_SIZE + r.encodedSize(), b.sizeInBytes(), r.toString());
            }
        }
        LogRecord plain = new LogRecord(utf8("key"), utf8("value"), 1);
        assertEquals(BatchFormat.RECORD_OVERHEAD + 3 + 5, plain.encodedSize());
        LogRecord withHeaders = new LogRecord(utf8("key"), utf8("value"), 1,
                List.of(new Header("€", utf8("ab")), new Header("n", null)));
        assertEquals(plain.encodedSize() + (2 + 3 + 4 + 2) + (2 + 1 + 4), withHeaders.encodedSize());
    }

    @Test
    void recordHeadersAreCopiedImmutableAndPartOfEquality() {
        List<Header> mutable = new ArrayList<>(List.of(new Header("a", utf8("1"))));
        LogRecord r = new LogRecord(null, utf8("v"), 5, mutable);
        mutable.add(new Header("b", utf8("2")));
        assertEquals(1, r.headers().size(), "the record keeps a copy");
        assertThrows(UnsupportedOperationException.class, () -> r.headers().add(new Header("c", null)));
        assertEquals(List.of(), new LogRecord(null, utf8("v"), 5, null).headers());
        assertEquals(new LogRecord(null, utf8("v"), 5), new LogRecord(null, utf8("v"), 5, List.of()));
        assertEquals(new LogRecord(null, utf8("v"), 5), new LogRecord(null, utf8("v"), 5, null));

        LogRecord same = new LogRecord(null, utf8("v"), 5, List.of(new Header("a", utf8("1"))));
        assertEquals(r, same);
        assertEquals(r.hashCode(), same.hashCode());
        LogRecord otherValue = new LogRecord(null, utf8("v"), 5, List.of(new Header("a", utf8("2"))));
        LogRecord nullValue = new LogRecord(null, utf8("v"), 5, List.of(new Header("a", null)));
        LogRecord noHeaders = new LogRecord(null, utf8("v"), 5);
        assertNotEquals(r, otherValue);
        assertNotEquals(r, nullValue);
        assertNotEquals(r, noHeaders);
        assertNotEquals(r.hashCode(), noHeaders.hashCode());
        assertTrue(r.toString().contains("headers=[a=1 bytes]"), r.toString());

        List<Header> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> new LogRecord(null, utf8("v"), 5, withNull));
    }

    @Test
    void headerKeysAreLimitedTo32767Utf8Bytes() {
        new LogRecord(null, new byte[0], 1, List.of(new Header("k".repeat(LogRecord.MAX_HEADER_KEY_BYTES), null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogRecord(null, new byte[0], 1, List.of(new Header("ok", null), new Header("€".repeat(10_923), null))));
        assertEquals("header 1 has a key of 32769 UTF-8 bytes, above the maximum of 32767", e.getMessage());
        // the longest key survives the i16 length field
        try (SegmentedLog log = SegmentedLog.open(dir, new LogStorageConfig(1 << 20, 1 << 16, 4096))) {
            LogRecord longest = new LogRecord(null, new byte[0], 1, List.of(new Header("é".repeat(16_383) + "x", utf8("v"))));
            log.append(List.of(longest), 1);
            assertEquals(longest, log.read(0, 1, 1).get(0).record());
        }
    }

    @Test
    void utf8LengthIsWhatStringGetBytesProduces() {
        for (String s : List.of("", "abc", "é", "€", "\uD83D\uDE00", "a\uD83D\uDE00b", "\uD800", "\uDC00x", "\uD800\uD800\uDC00",
                "x\uD83Dy", "ünïcödé-€-\uD83D\uDE00")) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, BatchFormat.utf8Length(s), s);
        }
    }

    @Test
    void metaRoundTripsThroughReadBatchesAndReopen() {
        List<BatchMeta> metas = List.of(new BatchMeta(42, 7, 3), BatchMeta.NONE, new BatchMeta(Long.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE), new BatchMeta(-5, -9, 0), new BatchMeta(1, 0, 12));
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            for (int i = 0; i < metas.size(); i++) {
                LogBatch b = log.append(List.of(new LogRecord(null, utf8("a" + i), 10 + i), new LogRecord(null, utf8("b" + i), 5)), 1,
                        metas.get(i));
                assertEquals(metas.get(i), b.meta());
                assertEquals(2L * i, b.baseOffset());
            }
            log.append(List.of(new LogRecord(null, utf8("plain"), 1)), 1);
            assertEquals(BatchMeta.NONE, log.readBatches(10, 0).get(0).meta(), "append without meta writes NONE");
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            List<LogBatch> batches = log.readBatches(0, Integer.MAX_VALUE);
            assertEquals(6, batches.size());
            for (int i = 0; i < metas.size(); i++) {
                LogBatch b = batches.get(i);
                assertEquals(metas.get(i), b.meta());
                assertEquals(2L * i, b.baseOffset());
                assertEquals(2, b.recordCount());
                assertEquals(2L * i + 1, b.lastOffset());
                assertEquals(2L * i + 2, b.nextOffset());
                assertEquals(10 + i, b.maxTimestamp());
                assertEquals(List.of(new LogEntry(2L * i, new LogRecord(null, utf8("a" + i), 10 + i)),
                        new LogEntry(2L * i + 1, new LogRecord(null, utf8("b" + i), 5))), b.entries());
            }
        }
    }

    @Test
    void truncatingInsideABatchKeepsItsMeta() {
        BatchMeta meta = new BatchMeta(9, 100, 4);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(List.of(new LogRecord(null, utf8("x"), 1)), 1, new BatchMeta(8, 0, 3));
            log.append(List.of(new LogRecord(null, utf8("a"), 2), new LogRecord(null, utf8("b"), 9), new LogRecord(null, utf8("c"), 3)), 1,
                    meta);
            log.truncateTo(3);
            List<LogBatch> batches = log.readBatches(1, Integer.MAX_VALUE);
            assertEquals(1, batches.size());
            assertEquals(meta, batches.get(0).meta());
            assertEquals(2, batches.get(0).recordCount());
            assertEquals(9, batches.get(0).maxTimestamp());
            assertEquals(4, log.lastLeaderEpoch());
        }
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertEquals(meta, log.readBatches(1, Integer.MAX_VALUE).get(0).meta());
            assertEquals(4, log.lastLeaderEpoch());
        }
    }

    @Test
    void batchMetaRejectsANegativeEpoch() {
        assertEquals(new BatchMeta(-1, -1, 0), BatchMeta.NONE);
        assertThrows(IllegalArgumentException.class, () -> new BatchMeta(1, 1, -1));
    }

    private LogBatch sampleBatch() {
        try (SegmentedLog log = SegmentedLog.open(dir.resolve("sample"), SMALL)) {
            log.append(List.of(new LogRecord(null, utf8("first"), 1)), 1);
            return log.append(recordsWithHeaders(), 1, new BatchMeta(77, 5, 6));
        }
    }

    @Test
    void wrapAcceptsTheStoredBytesAndExposesThem() {
        LogBatch batch = sampleBatch();
        byte[] bytes = batch.toByteArray();
        assertEquals(batch.sizeInBytes(), bytes.length);
        LogBatch wrapped = LogBatch.wrap(bytes);
        assertEquals(batch, wrapped);
        assertEquals(batch.hashCode(), wrapped.hashCode());
        assertEquals(1, wrapped.baseOffset());
        assertEquals(6, wrapped.recordCount());
        assertEquals(6, wrapped.lastOffset());
        assertEquals(7, wrapped.nextOffset());
        assertEquals(105, wrapped.maxTimestamp());
        assertEquals(new BatchMeta(77, 5, 6), wrapped.meta());
        assertEquals(recordsWithHeaders(), wrapped.records());
        assertEquals(2, wrapped.entries().get(1).offset());

        ByteBuffer encoded = wrapped.encoded();
        assertTrue(encoded.isReadOnly());
        assertEquals(0, encoded.position());
        assertEquals(bytes.length, encoded.remaining());
        assertEquals(ByteOrder.LITTLE_ENDIAN, encoded.order());
        assertEquals(bytes.length, encoded.getInt(0), "the length field");
        assertEquals(1L, encoded.getLong(8), "the base offset field");
        byte[] viaBuffer = new byte[encoded.remaining()];
        encoded.get(viaBuffer);
        assertArrayEquals(bytes, viaBuffer);
        assertThrows(ReadOnlyBufferException.class, () -> wrapped.encoded().put(0, (byte) 1));
        assertEquals(0, wrapped.encoded().position(), "each call gives a fresh buffer");
        assertNotEquals(batch, sampleBatchWithOtherMeta());
    }

    private LogBatch sampleBatchWithOtherMeta() {
        try (SegmentedLog log = SegmentedLog.open(dir.resolve("other"), SMALL)) {
            log.append(List.of(new LogRecord(null, utf8("first"), 1)), 1);
            return log.append(recordsWithHeaders(), 1, new BatchMeta(77, 5, 7));
        }
    }

    @Test
    void wrapRejectsEveryFlippedByte() {
        byte[] good = sampleBatch().toByteArray();
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> LogBatch.wrap(bad), "byte " + i);
            if (i >= BatchFormat.BASE_OFFSET_AT) {
                assertTrue(e.getMessage().endsWith("CRC32C mismatch"), "byte " + i + ": " + e.getMessage());
            }
        }
        byte[] valueByte = good.clone();
        valueByte[good.length - 1] ^= 0x01;
        assertEquals("not a valid batch (" + good.length + " bytes): CRC32C mismatch",
                assertThrows(CorruptLogException.class, () -> LogBatch.wrap(valueByte)).getMessage());
    }

    @Test
    void wrapRejectsTruncatedOrPaddedArrays() {
        byte[] good = sampleBatch().toByteArray();
        CorruptLogException cut = assertThrows(CorruptLogException.class, () -> LogBatch.wrap(Arrays.copyOf(good, good.length - 1)));
        assertEquals("not a valid batch (" + (good.length - 1) + " bytes): batch length " + good.length + " but " + (good.length - 1)
                + " bytes", cut.getMessage());
        CorruptLogException header = assertThrows(CorruptLogException.class, () -> LogBatch.wrap(Arrays.copyOf(good, 20)));
        assertTrue(header.getMessage().contains("shorter than a batch header"), header.getMessage());
        assertThrows(CorruptLogException.class, () -> LogBatch.wrap(new byte[0]));
        CorruptLogException padded = assertThrows(CorruptLogException.class, () -> LogBatch.wrap(Arrays.copyOf(good, good.length + 1)));
        assertTrue(padded.getMessage().contains("batch length " + good.length + " but " + (good.length + 1) + " bytes"), padded.getMessage());
    }

    /** A one-record batch with one header, edited by {@code edit} and given a fresh CRC, so only the structure is wrong. */
    private static String structureError(Consumer<ByteBuffer> edit) {
        ByteBuffer b = BatchFormat.encode(10, List.of(new LogRecord(utf8("kk"), utf8("vvv"), 50, List.of(new Header("hk", utf8("hv"))))),
                new BatchMeta(1, 2, 3));
        assertNull(BatchFormat.check(b));
        edit.accept(b);
        b.putInt(BatchFormat.CRC_AT, BatchFormat.crc(b, b.getInt(BatchFormat.LENGTH_AT)));
        return assertThrows(CorruptLogException.class, () -> LogBatch.wrap(b.array())).getMessage();
    }

    @Test
    void wrapChecksTheStructureBehindAValidCrc() {
        // layout: header 44, ts 44..52, keyLen 52, key 56..58, valueLen 58, value 62..65, headerCount 65,
        // header key length 69, key 71..73, header value length 73, value 77..79
        int record = BatchFormat.HEADER_SIZE;
        assertTrue(structureError(b -> b.putInt(BatchFormat.COUNT_AT, 2)).endsWith("record count 2 in a 79 byte batch"));
        assertTrue(structureError(b -> b.putInt(BatchFormat.COUNT_AT, 0)).endsWith("record count 0 in a 79 byte batch"));
        assertTrue(structureError(b -> b.putLong(BatchFormat.BASE_OFFSET_AT, -1)).endsWith("base offset -1"));
        assertTrue(structureError(b -> b.putInt(BatchFormat.LEADER_EPOCH_AT, -1)).endsWith("leader epoch -1"));
        assertTrue(structureError(b -> b.putLong(BatchFormat.MAX_TIMESTAMP_AT, 49)).endsWith("max timestamp 49 but the records' largest is 50"));
        assertTrue(structureError(b -> b.putLong(record, -1)).endsWith("record 0 has timestamp -1"));
        assertTrue(structureError(b -> b.putInt(record + 8, -2)).endsWith("record 0 has key length -2"));
        assertTrue(structureError(b -> b.putInt(record + 8, 1000)).endsWith("record 0 has key length 1000"));
        assertTrue(structureError(b -> b.putInt(record + 14, -1)).endsWith("record 0 has value length -1"));
        assertTrue(structureError(b -> b.putInt(record + 21, 2)).endsWith("record 0 has header count 2"));
        assertTrue(structureError(b -> b.putInt(record + 21, -1)).endsWith("record 0 has header count -1"));
        assertTrue(structureError(b -> b.putInt(record + 21, 0)).endsWith("records end at 69 of a 79 byte batch"));
        assertTrue(structureError(b -> b.putShort(record + 25, (short) -1)).endsWith("header 0 of record 0 has key length -1"));
        assertTrue(structureError(b -> b.putShort(record + 25, (short) 9)).endsWith("header 0 of record 0 has key length 9"));
        assertTrue(structureError(b -> b.put(record + 27, (byte) 0xC3)).endsWith("header 0 of record 0 has a key that is not valid UTF-8"));
        assertTrue(structureError(b -> b.putInt(record + 29, -2)).endsWith("header 0 of record 0 has value length -2"));
        assertTrue(structureError(b -> b.putInt(record + 29, 3)).endsWith("header 0 of record 0 has value length 3"));
        assertTrue(structureError(b -> b.putInt(record + 29, 1)).endsWith("records end at 78 of a 79 byte batch"));
        // a null header value is valid: -1 and no bytes; the length field then disagrees with the bytes
        assertTrue(structureError(b -> b.putInt(record + 29, -1)).endsWith("records end at 77 of a 79 byte batch"));
        assertFalse(structureError(b -> b.putInt(BatchFormat.LENGTH_AT, 78)).isEmpty());
    }

    @Test
    void aBatchWithAnInvalidStructureIsNeverStored() {
        // appendBatch only takes LogBatch, which is valid by construction; wrap is the only way in from bytes
        byte[] good = sampleBatch().toByteArray();
        byte[] bad = good.clone();
        bad[bad.length - 3] ^= 0x01;
        try (SegmentedLog log = SegmentedLog.open(dir.resolve("f"), SMALL)) {
            log.append(List.of(new LogRecord(null, utf8("first"), 1)), 1);
            assertThrows(CorruptLogException.class, () -> log.appendBatch(LogBatch.wrap(bad)));
            log.appendBatch(LogBatch.wrap(good));
            assertEquals(7, log.endOffset());
        }
    }
}
