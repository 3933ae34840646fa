package dev.grid.core;

/**
 * A hot-path counter from {@link GridCounters}: adding must be cheap and must not allocate.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface GridCounter {
    /** A counter that counts nothing: what structures use while no monitor is present. */
    GridCounter NONE = delta -> { };

    /** @param delta how much to add (may be negative for gauges kept as counters) */
    void add(long delta);

    /** Adds one. */
    default void increment() {
        add(1);
    }
}
