package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * YCSB's {@code SkewedLatestGenerator} (workload D): the most recently inserted record is the most
 * popular, then the one before it, with Zipfian popularity over the distance from the latest.
 */
public final class SkewedLatestGenerator implements KeyGenerator {
    private final AcknowledgedCounter basis;
    private final ZipfianGenerator zipfian;

    /**
     * @param basis    the counter of inserted records (the latest acknowledged one is hottest)
     * @param constant the Zipfian constant
     */
    public SkewedLatestGenerator(AcknowledgedCounter basis, double constant) {
        this.basis = basis;
        this.zipfian = new ZipfianGenerator(0, Math.max(1, basis.lastAcknowledged()), constant);
    }

    @Override
    public long next(SplittableRandom random) {
        long max = basis.lastAcknowledged();
        if (max < 1) {
            return 0;
        }
        return max - zipfian.next(random, max);
    }
}
