package dev.grid.perf.bench.load;

import dev.grid.perf.bench.ycsb.Operation;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies (nanoseconds) and error counts per operation, written by every benchmark thread
 * without locks (HdrHistogram {@link Recorder}s) and read as intervals by the progress ticker.
 */
final class OperationStats {
    /** Latencies above an hour are recorded as an hour. */
    static final long HIGHEST = TimeUnit.HOURS.toNanos(1);
    private static final int DIGITS = 3;

    private final Map<Operation, Recorder> recorders = new EnumMap<>(Operation.class);
    private final Map<Operation, LongAdder> errors = new EnumMap<>(Operation.class);
    private final AtomicReference<String> firstError = new AtomicReference<>();

    OperationStats() {
        for (Operation op : Operation.values()) {
            recorders.put(op, new Recorder(1, HIGHEST, DIGITS));
            errors.put(op, new LongAdder());
        }
    }

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST, DIGITS);
    }

    void record(Operation op, long nanos) {
        recorders.get(op).recordValue(Math.max(1, Math.min(HIGHEST, nanos)));
    }

    void error(Operation op, Throwable e) {
        errors.get(op).increment();
        firstError.compareAndSet(null, op + ": " + e);
    }

    /** @return per operation, what was recorded since the previous call (new histograms) */
    Map<Operation, Histogram> interval() {
        Map<Operation, Histogram> interval = new EnumMap<>(Operation.class);
        recorders.forEach((op, recorder) -> interval.put(op, recorder.getIntervalHistogram()));
        return interval;
    }

    /** @return errors so far per operation (a running total) */
    Map<Operation, Long> errors() {
        Map<Operation, Long> counts = new EnumMap<>(Operation.class);
        errors.forEach((op, adder) -> counts.put(op, adder.sum()));
        return counts;
    }

    /** @return the first error seen, or null */
    String firstError() {
        return firstError.get();
    }
}
