package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * YCSB's {@code ScrambledZipfianGenerator}: Zipfian popularity, but the popular items are scattered
 * over the keyspace by a 64-bit FNV hash instead of being neighbours. With the default constant
 * (0.99) it draws from YCSB's fixed space of 10^10 items, whose zeta YCSB precomputed, and folds
 * the result into {@code [min, max]}; with another constant it draws ranks over the items themselves.
 */
public final class ScrambledZipfianGenerator implements KeyGenerator {
    /** YCSB's item space for the 0.99 constant. */
    static final long ITEM_COUNT = 10_000_000_000L;
    /** zeta(10^10, 0.99), as precomputed by YCSB. */
    static final double ZETAN = 26.46902820178302;

    private static final long FNV_OFFSET_BASIS_64 = 0xCBF29CE484222325L;
    private static final long FNV_PRIME_64 = 1099511628211L;

    private final long min;
    private final long itemCount;
    private final ZipfianGenerator zipfian;

    /**
     * @param min      the smallest item
     * @param max      the largest item (inclusive)
     * @param constant the Zipfian constant, in (0, 1)
     */
    public ScrambledZipfianGenerator(long min, long max, double constant) {
        this.min = min;
        this.itemCount = max - min + 1;
        if (constant == ZipfianGenerator.DEFAULT_CONSTANT) {
            this.zipfian = new ZipfianGenerator(0, ITEM_COUNT - 1, constant, ZETAN);
        } else {
            this.zipfian = new ZipfianGenerator(0, itemCount - 1, constant);
        }
    }

    @Override
    public long next(SplittableRandom random) {
        return min + fnvHash64(zipfian.next(random)) % itemCount;
    }

    /** YCSB's {@code Utils.fnvhash64}: FNV-1a over the 8 bytes of the value, made non-negative. */
    static long fnvHash64(long value) {
        long hash = FNV_OFFSET_BASIS_64;
        long v = value;
        for (int i = 0; i < 8; i++) {
            long octet = v & 0xff;
            v >>= 8;
            hash ^= octet;
            hash *= FNV_PRIME_64;
        }
        return Math.abs(hash == Long.MIN_VALUE ? 0 : hash);
    }
}
