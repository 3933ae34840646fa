package dev.grid.core.impl;

import dev.grid.core.GridMetrics;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The metrics registry of one grid. */
final class DefaultGridMetrics implements GridMetrics {
    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();

    @Override
    public void register(MetricsSource source) {
        sources.add(Objects.requireNonNull(source, "source"));
    }

    @Override
    public void collect(MetricsCollector collector) {
        for (MetricsSource source : sources) {
            source.collectInto(collector);
        }
    }
}
