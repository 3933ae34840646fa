package dev.grid.perf.bench.load;

import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.ycsb.KeyChooser;
import dev.grid.perf.bench.ycsb.Records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The load phase: writes records 0 .. records-1 in batches (the target's bulk write), from several
 * threads, each taking the next batch of key numbers. Batches are bounded to about 1 MB.
 */
final class Loader {
    private static final int MAX_BATCH = 1000;
    private static final int BATCH_BYTES = 1 << 20;
    private static final int MAX_THREADS = 8;
    private static final long REPORT_NANOS = 2_000_000_000L;

    private Loader() {
    }

    /**
     * @return seconds the load took
     * @throws IllegalStateException if a batch failed (the run cannot be measured on partial data)
     */
    static double load(BenchTarget target, long records, Records pool, int threads, long seed, BooleanSupplier stop,
                       String label) {
        int batch = Math.max(1, Math.min(MAX_BATCH, BATCH_BYTES / pool.size()));
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> loaders = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, MAX_THREADS)); t++) {
            SplittableRandom random = new SplittableRandom(seed + t);
            Thread loader = new Thread(() -> {
                Map<String, byte[]> entries = new HashMap<>(batch * 2);
                long from;
                while (failure.get() == null && !stop.getAsBoolean() && (from = next.getAndAdd(batch)) < records) {
                    long to = Math.min(records, from + batch);
                    entries.clear();
                    for (long k = from; k < to; k++) {
                        entries.put(KeyChooser.key(k), pool.next(random));
                    }
                    try {
                        target.load(entries);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    done.addAndGet(to - from);
                }
            }, "bench-load-" + t);
            loader.start();
            loaders.add(loader);
        }
        long nextReport = start + REPORT_NANOS;
        for (Thread loader : loaders) {
            while (loader.isAlive()) {
                try {
                    loader.join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading", e);
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf("[bench] %s: loaded %,d of %,d records%n", label, done.get(), records);
                    nextReport += REPORT_NANOS;
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading failed after " + done.get() + " records: " + failure.get(), failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
