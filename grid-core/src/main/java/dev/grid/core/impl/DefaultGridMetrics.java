package dev.grid.core.impl;

import dev.grid.core.GridCounters;
import dev.grid.core.GridMetrics;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The metrics registry of one grid, and its hot-path instruments. */
final class DefaultGridMetrics implements GridMetrics {
    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();
    private final List<Consumer<GridCounters>> counterUsers = new CopyOnWriteArrayList<>();
    private volatile GridCounters counters = GridCounters.NONE;

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

    @Override
    public GridCounters counters() {
        return counters;
    }

    @Override
    public synchronized void useCounters(GridCounters counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
        for (Consumer<GridCounters> user : counterUsers) {
            user.accept(counters);
        }
    }

    /** @param user told the instruments in use now and whenever they are replaced */
    synchronized void onCounters(Consumer<GridCounters> user) {
        counterUsers.add(user);
        user.accept(counters);
    }
}
