package dev.grid.core;

import java.util.Map;

/**
 * The hot-path instruments of one grid: counters and timers that grid's structures update on every
 * operation, cheaply and without allocating. Until a monitor installs real ones with
 * {@link GridMetrics#useCounters(GridCounters)}, every instrument is a no-op ({@link #NONE}).
 * grid-monitor keeps counters in a memory-mapped file that {@code grid stat} reads from another
 * process, and timers as Prometheus histograms.
 *
 * <p>Looking an instrument up allocates: structures look theirs up once (when created, and again
 * when the counters are replaced) and keep them.
 *
 * @since 0.1
 */
public interface GridCounters {
    /** No monitor: instruments that record nothing. */
    GridCounters NONE = new GridCounters() {
        @Override
        public GridCounter counter(String name, Map<String, String> labels) {
            return GridCounter.NONE;
        }

        @Override
        public GridTimer timer(String name, Map<String, String> labels) {
            return GridTimer.NONE;
        }

        @Override
        public String toString() {
            return "GridCounters.NONE";
        }
    };

    /**
     * @param name   Prometheus-style name ending in {@code _total}, e.g. {@code grid_map_get_hits_total}
     * @param labels low-cardinality labels, e.g. {@code map=orders}
     * @return the counter of that name and labels (the same one for the same name and labels); a
     *         no-op counter when no more fit
     */
    GridCounter counter(String name, Map<String, String> labels);

    /**
     * @param name   Prometheus-style name in seconds, e.g. {@code grid_map_operation_duration_seconds}
     * @param labels low-cardinality labels, e.g. {@code map=orders, op=get}
     * @return the timer of that name and labels
     */
    GridTimer timer(String name, Map<String, String> labels);
}
