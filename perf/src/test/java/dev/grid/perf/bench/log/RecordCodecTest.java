package dev.grid.perf.bench.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records carry their stamp, in bytes and in text, at the size asked for. */
class RecordCodecTest {

    @Test
    void shouldCarryTheStampInBytes() {
        for (long stamp : new long[] {0, 1, 255, 123_456_789_012L, Long.MAX_VALUE}) {
            byte[] value = RecordCodec.bytes(stamp, 100);
            assertEquals(100, value.length);
            assertEquals(stamp, RecordCodec.stamp(value));
        }
    }

    @Test
    void shouldCarryTheStampInTextOfTheSameByteLength() {
        for (long stamp : new long[] {0, 7, 123_456_789_012L, Long.MAX_VALUE}) {
            String value = RecordCodec.text(stamp, 100);
            assertEquals(100, value.getBytes(StandardCharsets.UTF_8).length, "ASCII only");
            assertEquals(stamp, RecordCodec.stamp(value));
        }
        assertEquals(RecordCodec.DIGITS, RecordCodec.text(42, RecordCodec.DIGITS).length());
    }

    @Test
    void nowShouldNeverBeNegative() {
        assertTrue(RecordCodec.now() >= 0);
    }
}
