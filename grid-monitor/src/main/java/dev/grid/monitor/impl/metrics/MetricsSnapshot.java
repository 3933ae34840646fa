package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridMetrics;
import dev.grid.core.MetricsCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads every source of a grid's {@link GridMetrics} into a list of {@link Series}. */
public final class MetricsSnapshot {
    private MetricsSnapshot() {
    }

    public static List<Series> collect(GridMetrics metrics) {
        List<Series> series = new ArrayList<>();
        metrics.collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                series.add(new Series(name, labels, value, true, help));
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                series.add(new Series(name, labels, value, false, help));
            }
        });
        return series;
    }
}
