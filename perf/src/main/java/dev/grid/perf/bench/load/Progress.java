package dev.grid.perf.bench.load;

/**
 * One second of a run, for the progress line.
 *
 * @param second      seconds since the run phase started (warm-up included)
 * @param warmup      whether this second is part of the warm-up
 * @param opsPerSecond operations completed in this interval, per second
 * @param p99Micros   99th percentile latency so far (of the warm-up while warming up, then of the measured period)
 * @param errors      errors so far
 */
public record Progress(double second, boolean warmup, double opsPerSecond, double p99Micros, long errors) {

    /** Receives a {@link Progress} every second. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(Progress progress);
    }
}
