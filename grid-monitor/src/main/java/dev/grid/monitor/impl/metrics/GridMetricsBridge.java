package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bridges grid-core's {@link GridMetrics} (read on demand) into a Micrometer registry: every series
 * becomes a function counter or gauge reading the value of the last {@link #refresh()}; series that
 * are gone (a destroyed map) are removed.
 */
public final class GridMetricsBridge {
    private static final Logger LOG = LoggerFactory.getLogger(GridMetricsBridge.class);

    private final GridMetrics metrics;
    private final MeterRegistry registry;
    private final Map<String, Registered> registered = new HashMap<>();
    private final Set<String> refused = new HashSet<>();

    public GridMetricsBridge(GridMetrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
    }

    /** Collects grid's metrics and updates (registers, removes) the meters. */
    public synchronized List<Series> refresh() {
        List<Series> snapshot = MetricsSnapshot.collect(metrics);
        Set<String> seen = new HashSet<>();
        for (Series series : snapshot) {
            String key = series.label();
            if (!seen.add(key)) {
                continue;
            }
            Registered existing = registered.get(key);
            if (existing == null) {
                existing = register(series);
                if (existing == null) {
                    continue;
                }
                registered.put(key, existing);
            }
            existing.value = series.value();
        }
        for (Map.Entry<String, Registered> entry : new ArrayList<>(registered.entrySet())) {
            if (!seen.contains(entry.getKey())) {
                registry.remove(entry.getValue().meter);
                registered.remove(entry.getKey());
            }
        }
        return snapshot;
    }

    private Registered register(Series series) {
        Registered holder = new Registered();
        List<Tag> tags = new ArrayList<>();
        series.labels().forEach((k, v) -> tags.add(Tag.of(k, v)));
        try {
            if (series.counter()) {
                String name = series.name().endsWith("_total") ? series.name().substring(0, series.name().length() - "_total".length()) : series.name();
                holder.meter = FunctionCounter.builder(name, holder, h -> h.value).description(series.help()).tags(tags).register(registry);
            } else {
                holder.meter = Gauge.builder(series.name(), holder, h -> h.value).description(series.help()).tags(tags).register(registry);
            }
            return holder;
        } catch (RuntimeException e) {
            if (refused.add(series.name())) {
                LOG.warn("metric {} cannot be exported: {}", series.label(), e.toString());
            }
            return null;
        }
    }

    private static final class Registered {
        volatile double value;
        Meter meter;
    }
}
