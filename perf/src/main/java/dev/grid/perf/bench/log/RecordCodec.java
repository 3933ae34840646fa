package dev.grid.perf.bench.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The records of {@code grid bench log}: {@code size} bytes whose first ones carry a stamp (a sequence number, or the
 * intended send time of a latency run in {@link #now()} units), the rest random filler (incompressible, though no
 * system compresses here). Kafka and grid get bytes (the stamp as 8 big-endian bytes); Redis gets an ASCII string of
 * the same length (the stamp as {@value #DIGITS} decimal digits), as its field value.
 */
final class RecordCodec {
    /** Decimal digits of a stamp in a text record: the smallest record is this long. */
    static final int DIGITS = 20;
    private static final long BASE = System.nanoTime();
    private static final byte[] FILLER = filler(1 << 16);

    private RecordCodec() {
    }

    /** @return nanoseconds since this class was loaded (monotonic, never negative: stamps are compared to it) */
    static long now() {
        return System.nanoTime() - BASE;
    }

    static byte[] bytes(long stamp, int size) {
        byte[] value = Arrays.copyOf(FILLER, size);
        for (int i = 0; i < 8; i++) {
            value[i] = (byte) (stamp >>> (56 - 8 * i));
        }
        return value;
    }

    static long stamp(byte[] value) {
        long stamp = 0;
        for (int i = 0; i < 8; i++) {
            stamp = (stamp << 8) | (value[i] & 0xFF);
        }
        return stamp;
    }

    static String text(long stamp, int size) {
        return new String(textBytes(stamp, size), StandardCharsets.ISO_8859_1);
    }

    /** @return the text record as its ASCII bytes (what Redis stores) */
    static byte[] textBytes(long stamp, int size) {
        byte[] value = Arrays.copyOf(FILLER, size);
        long rest = stamp;
        for (int i = DIGITS - 1; i >= 0; i--) {
            value[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return value;
    }

    static long stamp(String value) {
        long stamp = 0;
        for (int i = 0; i < DIGITS; i++) {
            stamp = stamp * 10 + (value.charAt(i) - '0');
        }
        return stamp;
    }

    /** Random letters and digits (ASCII, so a text record's byte length is its character count). */
    private static byte[] filler(int size) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SplittableRandom random = new SplittableRandom(42);
        byte[] filler = new byte[size];
        for (int i = 0; i < size; i++) {
            filler[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return filler;
    }
}
