package dev.grid.monitor.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.grid.core.Grid;
import dev.grid.core.GridCounters;
import dev.grid.core.GridException;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.SqlConsole;
import dev.grid.lock.GridLocks;
import dev.grid.log.GridLog;
import dev.grid.monitor.Alert;
import dev.grid.monitor.GridMonitor;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.alerts.AlertEvaluator;
import dev.grid.monitor.impl.cluster.ClusterMetrics;
import dev.grid.monitor.impl.cluster.DistributedLog;
import dev.grid.monitor.impl.cluster.LockMonitor;
import dev.grid.monitor.impl.cluster.MemberViews;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.cluster.TopicsMonitor;
import dev.grid.monitor.impl.jobs.JobsMonitor;
import dev.grid.monitor.impl.cluster.TransactionMonitor;
import dev.grid.monitor.impl.counters.CountersFile;
import dev.grid.monitor.impl.http.ApiRoutes;
import dev.grid.monitor.impl.http.MonitorHttpServer;
import dev.grid.monitor.impl.http.MonitorState;
import dev.grid.monitor.impl.metrics.MonitorInstruments;
import dev.grid.monitor.impl.metrics.PrometheusExport;
import dev.grid.monitor.impl.metrics.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The monitor of one member: wires the counters file, metrics, monitors (locks, transactions, topics, Jet jobs), alerts, log and HTTP server, and runs their tasks. */
public final class DefaultGridMonitor implements GridMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGridMonitor.class);
    private static final int MAX_COUNTERS = 4096;
    /** Metric names a rule may use although the member does not report them yet (a map not created, a CP group not formed, no Jet job). */
    private static final List<String> LATER_METRICS = List.of("grid_map_entries", "grid_map_offheap_reserved_bytes", "grid_map_offheap_used_bytes",
            "grid_map_operations_total", "grid_map_operation_seconds_total", "grid_map_get_hits_total", "grid_map_get_misses_total",
            "grid_map_local_reads_total", "grid_cp_sessions", "grid_lock_held", "grid_lock_acquires_total", "grid_lock_waits_total",
            "grid_cp_session_expiries_total", "grid_log_start_offset", "grid_log_high_watermark", "grid_log_end_offset", "grid_log_size_bytes",
            "grid_log_segments", "grid_log_appended_records_total", "grid_log_appended_bytes_total", "grid_log_segments_deleted_total",
            "grid_log_group_lag", "grid_log_group_committed_offset", "grid_job_status", "grid_job_restarts_total", "grid_job_source_items_total",
            "grid_job_sink_items_total", "grid_job_vertex_received_items_total", "grid_job_vertex_emitted_items_total",
            "grid_job_watermark_latency_seconds", "grid_job_snapshot_bytes", "grid_job_snapshot_keys", "grid_job_snapshot_duration_seconds");

    private final Grid grid;
    private final GridMonitorConfig config;
    private final GridMember self;
    private final GridClock clock;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService evaluator;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile boolean closed;
    private SqlConsole sqlConsole;

    private CountersFile countersFile;
    private MonitorInstruments instruments;
    private PrometheusExport export;
    private ClusterMetrics clusterMetrics;
    private LockMonitor locks;
    private TransactionMonitor transactions;
    private DistributedLog log;
    private MemberViews views;
    private GridLog gridLog;
    private TopicsMonitor topics;
    private JobsMonitor jobs;
    private AlertEvaluator alerts;
    private MonitorHttpServer http;
    private UUID lifecycleRegistration;

    private DefaultGridMonitor(Grid grid, GridMonitorConfig config) {
        this.grid = grid;
        this.config = config;
        this.self = grid.localMember().orElseThrow();
        this.clock = grid.clock();
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "grid-monitor-" + self.port());
            thread.setDaemon(true);
            return thread;
        });
        this.evaluator = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "grid-monitor-alerts-" + self.port());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static DefaultGridMonitor start(Grid grid, GridMonitorConfig config) {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new IllegalArgumentException("the monitor runs on members, not on a client: " + grid);
        }
        if (config.getToken().isEmpty() && !GridMonitorConfig.isLoopback(config.getHost())) {
            throw new GridConfigException("grid.monitor.token", "grid.monitor.token must be set when grid.monitor.host is not a loopback "
                    + "address (was " + config.getHost() + "): the monitor refuses to serve the cluster's state to the network without one");
        }
        DefaultGridMonitor monitor = new DefaultGridMonitor(grid, config);
        try {
            monitor.startParts(MemberContext.of(grid).config());
            return monitor;
        } catch (RuntimeException | Error e) {
            monitor.close();
            throw e;
        }
    }

    private void startParts(GridConfig gridConfig) {
        HazelcastInstance hz = grid.hazelcast();
        Structures.configure(hz, gridConfig.getBackupCount(), config.getLogCapacity());
        Path file = gridConfig.getDataDirectory().resolve("member-" + self.host() + "-" + self.port() + ".counters");
        // the counters file's heartbeat is read by other processes ('grid stat'): it is stamped with the system clock they share
        countersFile = CountersFile.create(file, describe(null), MAX_COUNTERS, GridClock.SYSTEM);
        resources.add(countersFile);
        instruments = new MonitorInstruments(countersFile);
        grid.metrics().useCounters(instruments);
        export = new PrometheusExport(grid.metrics(), instruments);
        resources.add(export);
        clusterMetrics = new ClusterMetrics(grid, config.getExpectedMembers());
        resources.add(clusterMetrics::close);
        locks = new LockMonitor(grid, clock, Math.min(1000, config.getRefreshInterval().toMillis()));
        transactions = new TransactionMonitor(hz, self.address(), config.getResolvedAlertRetention(), clock, export.registry(), instruments);
        resources.add(transactions);
        log = new DistributedLog(hz, self.address(), true);
        resources.add(log);
        resources.add(grid.events().subscribe(transactions));
        resources.add(grid.events().subscribe(log));
        grid.metrics().register(new WhileOpen(List.of(clusterMetrics, locks, transactions)));
        gridLog = GridLog.of(grid); // on a member, registers the log's metrics (grid_log_*) once
        topics = new TopicsMonitor(gridLog, clock, Math.min(1000, config.getRefreshInterval().toMillis()), "grid-monitor-topics-" + self.port());
        resources.add(topics);
        jobs = new JobsMonitor(hz, config.getRefreshInterval().toMillis(), "grid-monitor-jobs-" + self.port(), this::isOldest);
        resources.add(jobs);
        grid.metrics().register(new WhileOpen(List.of(jobs)));
        views = new MemberViews(hz, self, instruments, () -> http == null ? "" : http.url(), config.getRefreshInterval().toMillis(), clock,
                gridLog::localStats);
        alerts = new AlertEvaluator(hz, config, self.address(), this::isOldest, this::memberAddresses, clock, grid.events());
        resources.add(alerts);
        Set<String> known = new HashSet<>(LATER_METRICS);
        export.refresh().forEach(series -> known.add(series.name()));
        alerts.checkMetrics(known);
        sqlConsole = SqlConsole.open(grid, "dashboard", MonitorState.SQL_MAX_ROWS, MonitorState.SQL_TIMEOUT).orElse(null);
        if (sqlConsole != null) {
            resources.add(sqlConsole);
        }
        try {
            http = MonitorHttpServer.start(config, new ApiRoutes(new LiveMonitorState(this)));
            resources.add(http);
            countersFile.describe(describe(http.url()));
            LOG.info("grid monitor of {}: dashboard {} , metrics {}metrics, counters file {}", self.address(), http.url(), http.url(), file);
        } catch (IOException e) {
            LOG.error("grid monitor of {} runs without HTTP (no dashboard, API or /metrics): {}. Counters file, alerts and the "
                    + "distributed log still work.", self.address(), e.getMessage());
        }
        lifecycleRegistration = hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN || event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                close();
            }
        });
        long refresh = config.getRefreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", countersFile::heartbeat), 0, Math.min(1000, refresh), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("refresh", this::refresh), 0, refresh, TimeUnit.MILLISECONDS);
        long evaluation = config.getEvaluationInterval().toMillis();
        // a thread of its own, at a fixed rate from the next interval boundary: evaluations are stamped with their boundary (see AlertEvaluator)
        evaluator.scheduleAtFixedRate(() -> guarded("alert evaluation", () -> alerts.evaluate(export.refresh())), alerts.initialDelayMillis(), evaluation,
                TimeUnit.MILLISECONDS);
    }

    private String describe(String url) {
        return "cluster=" + grid.clusterName() + " member=" + self.address() + " uuid=" + self.id() + (url == null ? "" : " url=" + url);
    }

    private void guarded(String task, Runnable runnable) {
        if (closed || !grid.isRunning()) {
            return;
        }
        try {
            runnable.run();
        } catch (RuntimeException e) {
            if (!closed && grid.isRunning()) {
                LOG.warn("grid monitor {} task failed (it runs again at its next interval): {}", task, e.toString(), e);
            }
        }
    }

    /**
     * Publishes this member's view and copies the member's metrics into the counters file: series without a
     * {@code partition} label (member totals, maps) first, so that they have room before the per-partition series of
     * the log; gauges whose series is gone are removed from the file.
     */
    private void refresh() {
        List<Series> series = export.refresh();
        int owned = grid.partitions().distribution().ownedCounts().getOrDefault(self, 0);
        views.publish(owned, GridLocks.of(grid).status().localLeader());
        Set<String> kept = new HashSet<>();
        for (boolean perPartition : new boolean[] {false, true}) {
            for (Series s : series) {
                String label = s.label();
                if (s.labels().containsKey("partition") == perPartition && !instruments.isHotCounter(label) && !s.name().endsWith("_ratio")
                        && countersFile.setGauge(label, Math.round(s.value()))) {
                    kept.add(label);
                }
            }
        }
        countersFile.retainGauges(kept);
    }

    private boolean isOldest() {
        List<GridMember> members = grid.members();
        return !members.isEmpty() && members.get(0).id().equals(self.id());
    }

    private Set<String> memberAddresses() {
        Set<String> addresses = new HashSet<>();
        grid.members().forEach(m -> addresses.add(m.address()));
        return addresses;
    }

    // ---- for the API ----

    /** @return SQL for the dashboard, or null without grid-query on the class path */
    SqlConsole sqlConsole() {
        return sqlConsole;
    }

    public Grid grid() {
        return grid;
    }

    /** @return the clock the monitor's views, ages and alerts are judged by (the member's) */
    public GridClock clock() {
        return clock;
    }

    public GridMember self() {
        return self;
    }

    public PrometheusExport export() {
        return export;
    }

    public ClusterMetrics clusterMetrics() {
        return clusterMetrics;
    }

    public LockMonitor locks() {
        return locks;
    }

    public TransactionMonitor transactionMonitor() {
        return transactions;
    }

    public AlertEvaluator alertEvaluator() {
        return alerts;
    }

    public DistributedLog distributedLog() {
        return log;
    }

    public MemberViews views() {
        return views;
    }

    public TopicsMonitor topics() {
        return topics;
    }

    public JobsMonitor jobs() {
        return jobs;
    }

    // ---- GridMonitor ----

    @Override
    public Optional<String> url() {
        return Optional.ofNullable(http).map(MonitorHttpServer::url);
    }

    @Override
    public Path countersFile() {
        return countersFile.path();
    }

    @Override
    public List<MonitoredTransaction> transactions() {
        return transactions.inFlight();
    }

    @Override
    public List<HeuristicOutcome> heuristics() {
        return transactions.heuristics();
    }

    @Override
    public List<Alert> alerts() {
        return alerts.alerts();
    }

    @Override
    public List<LogEntry> log(int limit) {
        try {
            return log.read(limit, e -> true, Math.max(limit, 1000));
        } catch (Exception e) {
            throw new GridException("the distributed log could not be read: " + e, e);
        }
    }

    @Override
    public String scrape() {
        return export.scrape();
    }

    /** The scheduled evaluations do not wait for the cluster's alert map; this one does. */
    @Override
    public void evaluateAlerts() {
        alerts.evaluate(export.refresh());
        alerts.flush().join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        evaluator.shutdownNow();
        if (lifecycleRegistration != null) {
            try {
                grid.hazelcast().getLifecycleService().removeLifecycleListener(lifecycleRegistration);
            } catch (RuntimeException ignored) {
                // the member is gone
            }
        }
        if (instruments != null) {
            grid.metrics().useCounters(GridCounters.NONE);
        }
        if (views != null && grid.isRunning()) {
            views.withdraw();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing a part of the monitor failed: {}", e.toString());
            }
        }
    }

    /** The monitor's metric sources, reporting only while the monitor is open (grid's metrics have no unregister). */
    private final class WhileOpen implements MetricsSource {
        private final List<MetricsSource> sources;

        WhileOpen(List<MetricsSource> sources) {
            this.sources = sources;
        }

        @Override
        public void collectInto(MetricsCollector collector) {
            if (closed) {
                return;
            }
            for (MetricsSource source : sources) {
                try {
                    source.collectInto(collector);
                } catch (RuntimeException e) {
                    LOG.debug("monitor metrics source {} failed: {}", source, e.toString());
                }
            }
        }
    }
}
