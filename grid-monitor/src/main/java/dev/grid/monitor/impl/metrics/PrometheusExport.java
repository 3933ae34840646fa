package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.lang.management.ManagementFactory;
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
        registry.config().meterFilter(PROMTOOL_CLEAN);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the JVM process used").register(registry);
        }
    }

    /**
     * Keeps Micrometer's binders within Prometheus' naming rules ({@code promtool check metrics}): its
     * {@code process.cpu.time} is exported in nanoseconds (replaced by {@code process_cpu_seconds_total}),
     * and {@code system.cpu.count} would end in {@code _count}, the suffix of summaries and histograms
     * (renamed {@code system_cpus}).
     */
    private static final MeterFilter PROMTOOL_CLEAN = new MeterFilter() {
        @Override
        public MeterFilterReply accept(Meter.Id id) {
            return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
        }
    };

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
