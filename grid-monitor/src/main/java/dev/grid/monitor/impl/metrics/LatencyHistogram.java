package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridTimer;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency distribution with fixed buckets from 1 µs to 10 s: recording is a bucket search and
 * two atomic adds, without allocation; it is exported as a Prometheus histogram in seconds.
 */
public final class LatencyHistogram implements GridTimer {
    /** Upper bounds of the buckets, in nanoseconds; a last bucket (+Inf) catches the rest. */
    static final long[] BOUNDS_NANOS = {
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000,
        1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L
    };

    private final String name;
    private final Map<String, String> labels;
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_NANOS.length + 1);
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram(String name, Map<String, String> labels) {
        this.name = name;
        this.labels = Map.copyOf(labels);
    }

    @Override
    public void record(long nanos, int weight) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        buckets.getAndAdd(i, weight);
        sumNanos.add(nanos * weight);
    }

    public String name() {
        return name;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** @return operations recorded */
    public long count() {
        long count = 0;
        for (int i = 0; i < buckets.length(); i++) {
            count += buckets.get(i);
        }
        return count;
    }

    /**
     * @param quantile between 0 and 1
     * @return the upper bound (in microseconds) of the bucket holding that quantile; 0 when empty
     */
    public double quantileMicros(double quantile) {
        long[] counts = new long[buckets.length()];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i);
            total += counts[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i < BOUNDS_NANOS.length ? BOUNDS_NANOS[i] / 1000.0 : Double.POSITIVE_INFINITY;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Writes the series' bucket, sum and count lines (the family's HELP and TYPE lines are the caller's). */
    void writeSeries(StringBuilder out) {
        String base = Series.format("", labels);
        String inner = base.isEmpty() ? "" : base.substring(1, base.length() - 1) + ",";
        long cumulative = 0;
        for (int i = 0; i <= BOUNDS_NANOS.length; i++) {
            cumulative += buckets.get(i);
            String le = i < BOUNDS_NANOS.length ? BigDecimal.valueOf(BOUNDS_NANOS[i], 9).stripTrailingZeros().toPlainString() : "+Inf";
            out.append(name).append("_bucket{").append(inner).append("le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        out.append(name).append("_sum").append(base).append(' ').append(sumNanos.sum() / 1e9).append('\n');
        out.append(name).append("_count").append(base).append(' ').append(cumulative).append('\n');
    }
}
