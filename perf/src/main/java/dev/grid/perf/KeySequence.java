package dev.grid.perf;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The order in which a benchmark visits its keys, drawn before the measurement starts so that the
 * generator's cost is not measured: a benchmark reads {@code indexAt(i)} for i = 0, 1, 2, ...
 * (wrapping around), which costs one array load.
 *
 * <p>{@code zipf} follows YCSB's Zipfian generator (Gray et al., "Quickly generating billion-record
 * synthetic databases", SIGMOD 1994) with YCSB's default skew, {@value #ZIPF_THETA}: rank 0 is the
 * hottest key. Ranks are then scattered over the keyspace through a fixed random permutation (as
 * YCSB's scrambled Zipfian does with a hash), so hot keys are not neighbours. {@code uniform} draws
 * every key with the same probability.
 */
final class KeySequence {
    /** YCSB's default Zipfian constant. */
    static final double ZIPF_THETA = 0.99;
    /** Draws precomputed (a power of two, 4 MiB of ints); the sequence repeats after that. */
    static final int LENGTH = 1 << 20;

    private final int[] indices;
    private final int mask;

    private KeySequence(int[] indices) {
        this.indices = indices;
        this.mask = indices.length - 1;
    }

    /**
     * @param distribution {@code zipf} or {@code uniform}
     * @param keys         the keyspace size: indices are in [0, keys)
     * @param seed         the random seed (the same seed gives the same sequence)
     * @return the sequence
     * @throws IllegalArgumentException naming the distribution if it is neither
     */
    static KeySequence of(String distribution, int keys, long seed) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys must be >= 1, was " + keys);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] indices = new int[LENGTH];
        switch (distribution) {
            case "uniform":
                for (int i = 0; i < LENGTH; i++) {
                    indices[i] = random.nextInt(keys);
                }
                break;
            case "zipf":
                int[] permutation = permutation(keys, random);
                Zipf zipf = new Zipf(keys, ZIPF_THETA);
                for (int i = 0; i < LENGTH; i++) {
                    indices[i] = permutation[zipf.rank(random.nextDouble())];
                }
                break;
            default:
                throw new IllegalArgumentException("distribution must be zipf or uniform, was '" + distribution + "'");
        }
        return new KeySequence(indices);
    }

    /** @return the key index of the i-th draw (any i &gt;= 0; the sequence wraps around) */
    int indexAt(int i) {
        return indices[i & mask];
    }

    /** @return the share of draws that hit the {@code top} most frequent keys (for the setup log) */
    double shareOfTop(int keys, int top) {
        int[] counts = new int[keys];
        for (int index : indices) {
            counts[index]++;
        }
        Arrays.sort(counts);
        long hits = 0;
        for (int i = keys - 1; i >= Math.max(0, keys - top); i--) {
            hits += counts[i];
        }
        return (double) hits / indices.length;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    /** YCSB's ZipfianGenerator, turned into a function of a uniform draw in [0, 1). */
    private static final class Zipf {
        private final int items;
        private final double theta;
        private final double zetan;
        private final double alpha;
        private final double eta;

        Zipf(int items, double theta) {
            this.items = items;
            this.theta = theta;
            this.zetan = zeta(items, theta);
            this.alpha = 1.0 / (1.0 - theta);
            double zeta2 = zeta(2, theta);
            this.eta = (1 - Math.pow(2.0 / items, 1 - theta)) / (1 - zeta2 / zetan);
        }

        int rank(double u) {
            double uz = u * zetan;
            if (uz < 1.0) {
                return 0;
            }
            if (uz < 1.0 + Math.pow(0.5, theta)) {
                return Math.min(1, items - 1);
            }
            long rank = (long) (items * Math.pow(eta * u - eta + 1, alpha));
            return (int) Math.min(rank, items - 1);
        }

        private static double zeta(int n, double theta) {
            double sum = 0;
            for (int i = 1; i <= n; i++) {
                sum += 1 / Math.pow(i, theta);
            }
            return sum;
        }
    }
}
