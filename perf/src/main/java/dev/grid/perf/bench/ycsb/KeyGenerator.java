package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * Draws key numbers. Implementations are thread-safe; each caller passes its own random source, so
 * threads never contend on one.
 */
public interface KeyGenerator {
    /**
     * @param random the calling thread's random source
     * @return the next key number
     */
    long next(SplittableRandom random);
}
