package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * The records written by the harness: {@code fieldCount} fields of {@code fieldLength} random bytes,
 * stored as one byte array (the fields back to back) in every target, so each target pays the same
 * for serializing or copying them. Values come from a pool drawn once, so generating them is not
 * measured. Updates overwrite the whole record (a key-value store has no field update).
 */
public final class Records {
    private static final int POOL = 1024;

    private final int fieldCount;
    private final int fieldLength;
    private final byte[][] pool;

    /**
     * @param fieldCount  fields per record (YCSB default 10)
     * @param fieldLength bytes per field (YCSB default 100)
     * @param seed        the pool's random seed
     */
    public Records(int fieldCount, int fieldLength, long seed) {
        if (fieldCount < 1 || fieldLength < 1) {
            throw new IllegalArgumentException("fields and field length must be >= 1, were " + fieldCount + " and " + fieldLength);
        }
        this.fieldCount = fieldCount;
        this.fieldLength = fieldLength;
        SplittableRandom random = new SplittableRandom(seed);
        pool = new byte[POOL][fieldCount * fieldLength];
        for (byte[] record : pool) {
            random.nextBytes(record);
        }
    }

    /** @return the bytes in a record */
    public int size() {
        return fieldCount * fieldLength;
    }

    /** @return a record from the pool (callers must not change it) */
    public byte[] next(SplittableRandom random) {
        return pool[random.nextInt(POOL)];
    }

    /**
     * @param record a record read back (left unchanged)
     * @return a copy of it with one field replaced by another record's field
     */
    public byte[] withOneFieldChanged(byte[] record, SplittableRandom random) {
        byte[] copy = record.clone();
        if (copy.length < fieldCount * fieldLength) {
            return next(random);
        }
        int field = random.nextInt(fieldCount);
        System.arraycopy(next(random), field * fieldLength, copy, field * fieldLength, fieldLength);
        return copy;
    }
}
