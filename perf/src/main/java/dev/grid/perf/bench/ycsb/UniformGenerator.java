package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/** Every item in {@code [min, max]} equally likely. */
public final class UniformGenerator implements KeyGenerator {
    private final long min;
    private final long count;

    public UniformGenerator(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("max must be >= min, was min=" + min + ", max=" + max);
        }
        this.min = min;
        this.count = max - min + 1;
    }

    @Override
    public long next(SplittableRandom random) {
        return min + random.nextLong(count);
    }
}
