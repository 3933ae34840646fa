package dev.grid.monitor.impl.metrics;

import dev.grid.core.GridCounter;
import dev.grid.core.GridCounters;
import dev.grid.core.GridTimer;
import dev.grid.monitor.impl.counters.CountersFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitor's hot-path instruments: counters live in the member's counters file, timers are
 * {@link LatencyHistogram}s exported on {@code /metrics}.
 */
public final class MonitorInstruments implements GridCounters {
    private final CountersFile file;
    private final Map<String, LatencyHistogram> timers = new ConcurrentHashMap<>();
    private final Set<String> counterLabels = ConcurrentHashMap.newKeySet();

    public MonitorInstruments(CountersFile file) {
        this.file = file;
    }

    @Override
    public GridCounter counter(String name, Map<String, String> labels) {
        String label = Series.format(name, labels);
        counterLabels.add(label);
        return file.gridCounter(label);
    }

    @Override
    public GridTimer timer(String name, Map<String, String> labels) {
        return timers.computeIfAbsent(Series.format(name, labels), key -> new LatencyHistogram(name, labels));
    }

    /** @return whether the label is one of the hot-path counters (which the gauge refresh must not overwrite) */
    public boolean isHotCounter(String label) {
        return counterLabels.contains(label);
    }

    /** @return the timer of that name and labels, or null if no structure asked for it */
    public LatencyHistogram timerOrNull(String name, Map<String, String> labels) {
        return timers.get(Series.format(name, labels));
    }

    /** Appends every timer as Prometheus histogram text, grouped by family. */
    public void writeHistograms(StringBuilder out) {
        Map<String, List<LatencyHistogram>> families = new TreeMap<>();
        for (LatencyHistogram timer : timers.values()) {
            families.computeIfAbsent(timer.name(), n -> new ArrayList<>()).add(timer);
        }
        families.forEach((name, members) -> {
            out.append("# HELP ").append(name).append(" latency of grid operations on this member, in seconds\n");
            out.append("# TYPE ").append(name).append(" histogram\n");
            members.sort((a, b) -> Series.format("", a.labels()).compareTo(Series.format("", b.labels())));
            members.forEach(timer -> timer.writeSeries(out));
        });
    }
}
