package dev.grid.monitor.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.monitor.GridMonitor;
import dev.grid.monitor.JobFigures;
import dev.grid.monitor.MemberCounters;
import dev.grid.monitor.impl.counters.CountersFileReader;
import dev.grid.monitor.impl.jobs.JobFiguresReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** grid-monitor's {@link GridMonitor.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridMonitorProvider implements GridMonitor.Provider {
    @Override
    public GridMonitor start(Grid grid, GridMonitorConfig config) {
        return DefaultGridMonitor.start(grid, config);
    }

    @Override
    public AutoCloseable forwardEvents(Grid grid) {
        return EventForwarder.start(grid);
    }

    @Override
    public List<MemberCounters> readCounters(Path dataDirectory) throws IOException {
        // the heartbeats of other processes' files are judged by the system clock those processes share
        return CountersFileReader.readAll(dataDirectory, GridClock.SYSTEM);
    }

    @Override
    public JobFigures jobFigures(HazelcastInstance hazelcast, Job job) {
        return JobFiguresReader.read(hazelcast, job);
    }
}
