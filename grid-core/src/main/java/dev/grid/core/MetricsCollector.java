package dev.grid.core;

import java.util.Map;

/**
 * Receives metric values from {@link MetricsSource}s.
 *
 * @since 0.1
 */
public interface MetricsCollector {

    /**
     * A value that only grows while the member runs (operations, bytes sent, seconds spent).
     *
     * @param name   Prometheus-style name ending in {@code _total}
     * @param help   one line saying what it counts
     * @param labels label names to values (may be empty)
     * @param value  the current total
     */
    void counter(String name, String help, Map<String, String> labels, double value);

    /**
     * A value that goes up and down (entries, bytes in use, members).
     *
     * @param name   Prometheus-style name in base units
     * @param help   one line saying what it measures
     * @param labels label names to values (may be empty)
     * @param value  the current value
     */
    void gauge(String name, String help, Map<String, String> labels, double value);
}
