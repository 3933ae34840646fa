package dev.grid.core;

/**
 * Something that reports metrics when asked.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MetricsSource {

    /** Reports the current values into the collector. */
    void collectInto(MetricsCollector collector);
}
