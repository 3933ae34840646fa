package dev.grid.server.impl.chaos;

import dev.grid.core.GridMap;

import java.util.concurrent.TimeUnit;

/**
 * The client's first use of a map on a fresh cluster: the first {@code set}, and the first
 * {@code keys} sets one after another on one thread (they also give every key its first value,
 * {@link #SEQUENCE}); then the same sets again, for comparison, once the stores exist.
 *
 * @param firstSetMillis  the first set
 * @param allSetsMillis   all the first sets, the first one included
 * @param sets            how many
 * @param againMillis     the same sets once more
 */
record FirstUse(double firstSetMillis, double allSetsMillis, int sets, double againMillis) {
    /** The sequence number every key starts with. */
    static final long SEQUENCE = 0;

    static FirstUse measure(GridMap<String, Long> map, int keys) {
        long start = System.nanoTime();
        map.set(SequenceWriters.key(0), SEQUENCE);
        long first = System.nanoTime();
        for (int key = 1; key < keys; key++) {
            map.set(SequenceWriters.key(key), SEQUENCE);
        }
        long all = System.nanoTime();
        for (int key = 0; key < keys; key++) {
            map.set(SequenceWriters.key(key), SEQUENCE);
        }
        long again = System.nanoTime();
        return new FirstUse(millis(first - start), millis(all - start), keys, millis(again - all));
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    String describe() {
        return String.format("first use of a fresh map from the client: first set %.1f ms, first %d sets %.0f ms (%.0f sets/s; "
                + "the same sets again %.0f ms)", firstSetMillis, sets, allSetsMillis, sets / (allSetsMillis / 1000), againMillis);
    }
}
