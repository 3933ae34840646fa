package dev.grid.core;

/**
 * The metrics of one grid (member or client): a registry of {@link MetricsSource}s read on demand.
 * grid's own structures register here (GridMap statistics on members; locks and transactions when
 * their modules are present); grid-monitor reads it to export Prometheus text and the dashboard.
 * Applications may register their own sources.
 *
 * <p>Names follow Prometheus conventions: {@code grid_} prefix, base units ({@code _bytes},
 * {@code _seconds}), {@code _total} on counters; labels are few and low-cardinality (a map name, an
 * operation kind), never a key.
 *
 * @since 0.1
 */
public interface GridMetrics {

    /**
     * @param source read on every {@link #collect(MetricsCollector)}, from the collecting thread;
     *               it must be cheap and must not block
     */
    void register(MetricsSource source);

    /** Reads every registered source into the collector. */
    void collect(MetricsCollector collector);

    /** @return the hot-path instruments in use: {@link GridCounters#NONE} until a monitor installs its own */
    GridCounters counters();

    /**
     * Installs hot-path instruments (grid-monitor does, when it starts; {@link GridCounters#NONE}
     * when it stops). grid's structures switch to them at once.
     *
     * @param counters the instruments
     */
    void useCounters(GridCounters counters);
}
