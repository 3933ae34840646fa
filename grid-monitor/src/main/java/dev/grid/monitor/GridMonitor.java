package dev.grid.monitor;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import dev.grid.core.Grid;
import dev.grid.core.GridMode;
import dev.grid.core.GridModules;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.spi.MemberContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A member's monitor: hot-path counters in a memory-mapped file ({@code grid stat} reads it from
 * another process), Prometheus metrics on {@code /metrics}, the transaction and lock monitors,
 * alert rules, the distributed log, and a dashboard with a JSON API, on an HTTP server bound to
 * 127.0.0.1 by default. {@code grid start} runs it when {@code grid.monitor.enabled} (the default);
 * an embedded application starts it itself:
 *
 * <pre>{@code
 * try (Grid grid = Grid.embedded(config); GridMonitor monitor = GridMonitor.start(grid)) {
 *     System.out.println("dashboard: " + monitor.url().orElse("(no HTTP port free)"));
 *     ...
 * }
 * }</pre>
 *
 * <p>The monitor never takes its member down: a failure in one of its tasks is logged and the task
 * runs again at its next interval; when no HTTP port is free the monitor runs without HTTP (counters
 * file, alerts and log collection go on) and logs an ERROR naming {@code grid.monitor.port}. It
 * stops with its member. Details: {@code docs/monitoring.md}.
 *
 * @since 0.1
 */
public interface GridMonitor extends AutoCloseable {

    /**
     * Starts the monitor of an embedded member with the member's own {@code grid.monitor} settings.
     *
     * @param grid an embedded member
     * @return the running monitor
     * @throws IllegalArgumentException if the grid is a client
     * @throws GridConfigException      if an alert rule names a metric the member does not export
     */
    static GridMonitor start(Grid grid) {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new IllegalArgumentException("the monitor runs on members: " + grid + " is a client; use GridMonitor.forwardEvents(grid)"
                    + " to report its transactions and warnings to the cluster's monitor");
        }
        return start(grid, MemberContext.of(grid).config().getMonitor());
    }

    /**
     * @param grid   an embedded member
     * @param config the monitor's settings (validated by the caller's {@code GridConfig.validate()})
     * @return the running monitor
     */
    static GridMonitor start(Grid grid, GridMonitorConfig config) {
        return GridModules.provider(Provider.class).start(grid, config);
    }

    /**
     * Reports this JVM's transactions ({@code txn.*} events) and WARN/ERROR grid events to the
     * cluster's monitor, for JVMs that do not run one: clients, or members started without it.
     *
     * @param grid a client or member
     * @return closing it stops the forwarding
     */
    static AutoCloseable forwardEvents(Grid grid) {
        return GridModules.provider(Provider.class).forwardEvents(grid);
    }

    /** @return the dashboard's URL ({@code http://127.0.0.1:7070/}), empty when the HTTP server could not start */
    Optional<String> url();

    /** @return this member's counters file */
    Path countersFile();

    /** @return the transactions in flight cluster-wide, in doubt first */
    List<MonitoredTransaction> transactions();

    /** @return the heuristic outcomes kept cluster-wide, newest first */
    List<HeuristicOutcome> heuristics();

    /** @return the cluster's alerts, firing first */
    List<Alert> alerts();

    /**
     * @param limit at most so many entries
     * @return the newest entries of the distributed log, newest first
     */
    List<LogEntry> log(int limit);

    /** @return this member's metrics in Prometheus text format */
    String scrape();

    /**
     * Evaluates the alert rules now (they also run every {@code grid.monitor.evaluationInterval}), as of the last
     * evaluation interval boundary on the member's clock ({@code GridConfig.setClock}), and returns once the alerts it
     * fired, resolved or removed are in the cluster's alert map.
     */
    void evaluateAlerts();

    /** Stops the monitor (not the member). Idempotent. */
    @Override
    void close();

    /** What the static methods of grid-monitor's API call: its implementation, found by {@link GridModules}. For grid's own modules. */
    interface Provider {
        /** @see GridMonitor#start(Grid, GridMonitorConfig) */
        GridMonitor start(Grid grid, GridMonitorConfig config);

        /** @see GridMonitor#forwardEvents(Grid) */
        AutoCloseable forwardEvents(Grid grid);

        /** @see MemberCounters#readAll(Path) */
        List<MemberCounters> readCounters(Path dataDirectory) throws IOException;

        /** @see JobFigures#of(HazelcastInstance, Job) */
        JobFigures jobFigures(HazelcastInstance hazelcast, Job job);
    }
}
