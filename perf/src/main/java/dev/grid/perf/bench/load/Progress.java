package dev.grid.perf.bench.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One second of a run, for the progress line and results.json's {@code timeline} ({@code t}, {@code warmup},
 * {@code ops_per_s}, {@code p99_us}, {@code errors}).
 *
 * @param second      seconds since the run phase started (warm-up included)
 * @param warmup      whether this second is part of the warm-up
 * @param opsPerSecond operations completed in this interval, per second
 * @param p99Micros   99th percentile latency so far (of the warm-up while warming up, then of the measured period)
 * @param errors      errors so far
 */
public record Progress(@JsonProperty("t") double second, boolean warmup, @JsonProperty("ops_per_s") double opsPerSecond,
                       @JsonProperty("p99_us") double p99Micros, long errors) {

    /** Receives a {@link Progress} every second. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(Progress progress);
    }
}
