/**
 * grid's monitoring: hot-path counters in a memory-mapped file readable from another process,
 * Prometheus metrics, transaction, lock and topic monitors (grid-log's partitions and consumer lag), alerts and the web
 * dashboard.
 *
 * <p>This package holds the public API; implementation classes live in {@code dev.grid.monitor.impl}.
 */
package dev.grid.monitor;
