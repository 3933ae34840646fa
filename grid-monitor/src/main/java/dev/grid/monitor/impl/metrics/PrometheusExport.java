package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;

/**
 * {@code GET /metrics}: Prometheus text (format 0.0.4) of one member. Micrometer's Prometheus
 * registry holds the JVM's metrics, the transaction counters and grid's {@link GridMetrics}
 * (bridged); the hot-path latency histograms are appended.
 */
public final class PrometheusExport implements AutoCloseable {
    /** The content type of the text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GridMetricsBridge bridge;
    private final MonitorInstruments instruments;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PrometheusExport(GridMetrics metrics, MonitorInstruments instruments) {
        this.instruments = instruments;
        this.bridge = new GridMetricsBridge(metrics, registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** @return grid's metrics, freshly collected (and the bridged meters updated) */
    public List<Series> refresh() {
        return bridge.refresh();
    }

    /** @return the member's metrics as Prometheus text */
    public String scrape() {
        bridge.refresh();
        StringBuilder out = new StringBuilder(registry.scrape("text/plain; version=0.0.4; charset=utf-8"));
        instruments.writeHistograms(out);
        return out.toString();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
