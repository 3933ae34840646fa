package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * YCSB's {@code ZipfianGenerator} (Gray et al., "Quickly generating billion-record synthetic
 * databases", SIGMOD 1994): item {@code base} is the most popular, {@code base + 1} the next, and
 * so on, with popularity of rank r proportional to {@code 1 / r^theta}.
 *
 * <p>The item count may grow between calls ({@link #next(SplittableRandom, long)}), as it does for
 * the "latest" distribution while records are inserted: zeta is then extended incrementally, as YCSB
 * does, instead of being recomputed from scratch. Thread-safe: the zeta state is an immutable
 * snapshot replaced under a lock.
 */
public final class ZipfianGenerator implements KeyGenerator {
    /** YCSB's default Zipfian constant. */
    public static final double DEFAULT_CONSTANT = 0.99;

    private final long base;
    private final long items;
    private final double theta;
    private final double zeta2theta;
    private final double alpha;
    private final Object lock = new Object();
    private volatile ZetaState state;

    /**
     * @param min   the smallest (most popular) item
     * @param max   the largest item (inclusive)
     * @param theta the Zipfian constant, in (0, 1)
     */
    public ZipfianGenerator(long min, long max, double theta) {
        this(min, max, theta, zeta(max - min + 1, theta));
    }

    /**
     * @param min   the smallest (most popular) item
     * @param max   the largest item (inclusive)
     * @param theta the Zipfian constant, in (0, 1)
     * @param zetan zeta(max - min + 1, theta), when already known (it costs one pow per item)
     */
    public ZipfianGenerator(long min, long max, double theta, double zetan) {
        if (max < min) {
            throw new IllegalArgumentException("max must be >= min, was min=" + min + ", max=" + max);
        }
        if (!(theta > 0 && theta < 1)) {
            throw new IllegalArgumentException("zipfian constant must be in (0, 1), was " + theta);
        }
        this.base = min;
        this.items = max - min + 1;
        this.theta = theta;
        this.zeta2theta = zeta(2, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.state = new ZetaState(items, zetan, eta(items, zetan));
    }

    @Override
    public long next(SplittableRandom random) {
        return next(random, items);
    }

    /**
     * @param random    the calling thread's random source
     * @param itemCount how many items to draw from now (may differ from the constructor's count)
     * @return an item in {@code [base, base + itemCount)}
     */
    public long next(SplittableRandom random, long itemCount) {
        ZetaState zeta = state;
        if (zeta.count != itemCount) {
            zeta = stateFor(itemCount);
        }
        double u = random.nextDouble();
        double uz = u * zeta.zetan;
        if (uz < 1.0) {
            return base;
        }
        if (uz < 1.0 + Math.pow(0.5, theta)) {
            return base + Math.min(1, itemCount - 1);
        }
        long rank = (long) (itemCount * Math.pow(zeta.eta * u - zeta.eta + 1, alpha));
        return base + Math.min(rank, itemCount - 1);
    }

    private ZetaState stateFor(long itemCount) {
        synchronized (lock) {
            ZetaState current = state;
            if (current.count == itemCount) {
                return current;
            }
            double zetan = itemCount > current.count
                    ? zeta(current.count, itemCount, theta, current.zetan)
                    : zeta(itemCount, theta); // shrinking is rare: recompute
            ZetaState next = new ZetaState(itemCount, zetan, eta(itemCount, zetan));
            state = next;
            return next;
        }
    }

    private double eta(long count, double zetan) {
        return (1 - Math.pow(2.0 / count, 1 - theta)) / (1 - zeta2theta / zetan);
    }

    /** @return sum of 1 / i^theta for i = 1..n */
    public static double zeta(long n, double theta) {
        return zeta(0, n, theta, 0);
    }

    /** @return {@code initial} plus the sum of 1 / i^theta for i = from+1..to (added in the same order as from 0) */
    static double zeta(long from, long to, double theta, double initial) {
        double sum = initial;
        for (long i = from; i < to; i++) {
            sum += 1 / Math.pow(i + 1, theta);
        }
        return sum;
    }

    private record ZetaState(long count, double zetan, double eta) {
    }
}
