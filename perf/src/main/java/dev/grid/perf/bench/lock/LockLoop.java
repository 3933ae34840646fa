package dev.grid.perf.bench.lock;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * The measuring loop of both lock drivers: threads call {@code lock(); unlock();} on one lock for a
 * warm-up, then for the measured period, and the driver prints one line per phase:
 * {@code RESULT <phase> <threads> <pairs/s> <p50 µs> <p99 µs> <pairs>}. Uses only the JDK: it runs
 * on Hazelcast 5.4's class path as well as grid's.
 */
public final class LockLoop {
    /** The prefix of result lines. */
    public static final String RESULT = "RESULT";
    private static final int MAX_SAMPLES = 1 << 21;

    private LockLoop() {
    }

    /**
     * Waits until the lock can be taken (the CP group forms after the members join).
     *
     * @throws IllegalStateException if it cannot be taken within the timeout
     */
    public static void awaitUsable(Lock lock, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            try {
                lock.lock();
                lock.unlock();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the lock was not usable within " + timeoutSeconds + " s: " + e, e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    /**
     * Runs one phase and prints its result line.
     *
     * @param phase   the phase's name ({@code uncontended}, {@code contended})
     * @param lock    the lock
     * @param threads threads taking it
     * @param warmupMillis  warm-up
     * @param durationMillis measured period
     */
    public static void phase(String phase, Lock lock, int threads, long warmupMillis, long durationMillis) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] samples = new long[threads][];
        int[] counts = new int[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            samples[t] = new long[MAX_SAMPLES / threads];
            workers[t] = new Thread(() -> {
                long[] mine = samples[index];
                int n = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    lock.lock();
                    lock.unlock();
                    long took = System.nanoTime() - start;
                    if (measuring.get() && n < mine.length) {
                        mine[n++] = took;
                    }
                }
                counts[index] = n;
            }, "lock-" + phase + "-" + t);
            workers[t].start();
        }
        Thread.sleep(warmupMillis);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(durationMillis);
        measuring.set(false);
        long seconds = System.nanoTime() - start;
        running.set(false);
        for (Thread w : workers) {
            w.join(TimeUnit.MINUTES.toMillis(2));
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double pairsPerSecond = total / (seconds / 1e9);
        System.out.printf(java.util.Locale.ROOT, "%s %s %d %.1f %.1f %.1f %d%n", RESULT, phase, threads, pairsPerSecond,
                percentile(all, 50) / 1000.0, percentile(all, 99) / 1000.0, total);
        System.out.flush();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
