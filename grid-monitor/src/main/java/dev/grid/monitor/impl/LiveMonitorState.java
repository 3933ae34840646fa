package dev.grid.monitor.impl;

import com.hazelcast.jet.Job;
import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.config.GridClock;
import dev.grid.core.spi.SqlConsole;
import dev.grid.lock.LockInfo;
import dev.grid.log.TopicDescription;
import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.JobFigures;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MemberCounters;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.cluster.MemberView;
import dev.grid.monitor.impl.counters.CountersFileReader;
import dev.grid.monitor.impl.http.MonitorState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/** The API's view of a running monitor: each call reads the monitor's part that knows the answer. */
final class LiveMonitorState implements MonitorState {
    /** How many of the newest log entries a filtered read of the log looks through. */
    private static final int LOG_SCAN = 5000;

    private final DefaultGridMonitor monitor;

    LiveMonitorState(DefaultGridMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String clusterName() {
        return monitor.grid().clusterName();
    }

    @Override
    public String memberAddress() {
        return monitor.self().address();
    }

    @Override
    public List<GridMember> members() {
        return monitor.grid().members();
    }

    @Override
    public PartitionDistribution distribution() {
        return monitor.grid().partitions().distribution();
    }

    @Override
    public List<MemberView> memberViews() {
        return monitor.views().all();
    }

    @Override
    public int migrationsInProgress() {
        return monitor.clusterMetrics().migrationsInProgress();
    }

    @Override
    public long migrationsCompleted() {
        return monitor.clusterMetrics().migrationsCompleted();
    }

    @Override
    public List<LockInfo> locks() {
        return monitor.locks().locks();
    }

    @Override
    public String locksProblem() {
        return monitor.locks().problem();
    }

    @Override
    public long now() {
        return monitor.clock().millis();
    }

    @Override
    public List<MonitoredTransaction> transactions() {
        return monitor.transactionMonitor().inFlight();
    }

    @Override
    public List<HeuristicOutcome> heuristics() {
        return monitor.transactionMonitor().heuristics();
    }

    @Override
    public List<Alert> alerts() {
        return monitor.alertEvaluator().alerts();
    }

    @Override
    public List<String> alertRules() {
        return monitor.alertEvaluator().rules().stream().map(Object::toString).toList();
    }

    @Override
    public List<LogEntry> log(int limit, Predicate<LogEntry> filter) throws Exception {
        return monitor.distributedLog().read(limit, filter, LOG_SCAN);
    }

    @Override
    public long logSize() {
        return monitor.distributedLog().size();
    }

    @Override
    public List<TopicDescription> topics() {
        return monitor.topics().topics();
    }

    @Override
    public String topicsProblem() {
        return monitor.topics().problem();
    }

    @Override
    public MemberCounters counters() {
        try {
            return CountersFileReader.read(monitor.countersFile(), GridClock.SYSTEM).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String scrape() {
        return monitor.export().scrape();
    }

    @Override
    public SqlConsole sqlConsole() {
        return monitor.sqlConsole();
    }

    @Override
    public List<JobFigures> jobs() {
        return monitor.jobs().jobs();
    }

    @Override
    public String jobsProblem() {
        return monitor.jobs().problem();
    }

    @Override
    public long jobRestarts(String jobId) {
        return monitor.jobs().restarts(jobId);
    }

    @Override
    public String jobAction(String jobId, String action) {
        Job job = monitor.jobs().job(jobId);
        if (job == null) {
            return null;
        }
        String before = job.getStatus().name();
        switch (action) {
            case "cancel" -> job.cancel();
            case "suspend" -> job.suspend();
            case "resume" -> job.resume();
            case "restart" -> job.restart();
            default -> throw new IllegalArgumentException("no job action " + action);
        }
        monitor.jobs().refreshSoon();
        return before;
    }
}
