package dev.grid.core;

/**
 * A hot-path latency distribution from {@link GridCounters}: recording must be cheap and must not
 * allocate. grid-monitor exports it as a Prometheus histogram in seconds.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface GridTimer {
    /** A timer that records nothing: what structures use while no monitor is present. */
    GridTimer NONE = (nanos, weight) -> { };

    /**
     * @param nanos  how long one operation took, in nanoseconds
     * @param weight how many operations this sample stands for (1, or more for sampled timing)
     */
    void record(long nanos, int weight);
}
