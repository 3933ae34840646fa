/** Prometheus export: Micrometer's registry, the bridge from grid's metrics, hot-path latency histograms. */
package dev.grid.monitor.impl.metrics;
