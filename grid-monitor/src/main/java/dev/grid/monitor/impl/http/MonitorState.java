package dev.grid.monitor.impl.http;

import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;
import dev.grid.lock.LockInfo;
import dev.grid.log.TopicDescription;
import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.JobFigures;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MemberCounters;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.cluster.MemberView;

import dev.grid.core.spi.SqlConsole;

import java.time.Duration;

import java.util.List;
import java.util.function.Predicate;

/**
 * What {@link ApiRoutes} reads: the member's view of the cluster and of the monitor's parts. The live
 * implementation reads a running monitor; tests pass fixed values, so every route's JSON can be compared
 * with a golden file.
 */
public interface MonitorState {
    /** The most rows a statement run from the dashboard returns. */
    int SQL_MAX_ROWS = 200;
    /** How long a statement run from the dashboard may run before it is cancelled. */
    Duration SQL_TIMEOUT = Duration.ofMinutes(5);

    /** @return the cluster's name */
    String clusterName();

    /** @return this member's address, {@code host:port} */
    String memberAddress();

    /** @return the members, oldest first */
    List<GridMember> members();

    /** @return how many partitions each member owns */
    PartitionDistribution distribution();

    /** @return every member's last published view, as stored in the cluster */
    List<MemberView> memberViews();

    /** @return migrations planned and not done */
    int migrationsInProgress();

    /** @return replica migrations completed */
    long migrationsCompleted();

    /** @return the held locks (waiting a bounded time for a fresh answer of the CP group) */
    List<LockInfo> locks();

    /** @return why the last lock query failed, or null */
    String locksProblem();

    /** @return the current time of the clocks the lock and transaction views are measured with (epoch ms) */
    long now();

    /** @return every transaction in flight in the cluster, in doubt first */
    List<MonitoredTransaction> transactions();

    /** @return the heuristic outcomes kept, newest first */
    List<HeuristicOutcome> heuristics();

    /** @return the alerts kept in the cluster, firing first */
    List<Alert> alerts();

    /** @return the alert rules in force, each as its one-line description */
    List<String> alertRules();

    /**
     * @param limit  at most so many entries
     * @param filter which entries to return
     * @return matching entries of the cluster's log, newest first
     * @throws Exception if the log could not be read
     */
    List<LogEntry> log(int limit, Predicate<LogEntry> filter) throws Exception;

    /** @return how many entries the cluster's log holds */
    long logSize();

    /** @return the grid-log topics with their partitions, by name (waiting a bounded time for a fresh description) */
    List<TopicDescription> topics();

    /** @return why the last description of the topics failed, or null */
    String topicsProblem();

    /** @return this member's counters, read from its counters file */
    MemberCounters counters();

    /** @return the member's metrics in Prometheus text */
    String scrape();

    /** @return the cluster's Jet jobs as last read, newest first (none where Jet is off) */
    default List<JobFigures> jobs() {
        return List.of();
    }

    /** @return why the jobs could not be read, or null */
    default String jobsProblem() {
        return "the jobs are not monitored here";
    }

    /**
     * @param jobId a job's id
     * @return how many new executions of it the monitor saw
     */
    default long jobRestarts(String jobId) {
        return 0;
    }

    /**
     * Asks Jet to cancel, suspend, resume or restart a job.
     *
     * @param jobId  the job's id
     * @param action cancel, suspend, resume or restart
     * @return the job's status before the request, or null when there is no such job
     * @throws IllegalStateException when the job's state does not allow it
     */
    default String jobAction(String jobId, String action) {
        return null;
    }

    /** @return SQL for the dashboard's query page, or null when grid-query is not on the member's class path */
    SqlConsole sqlConsole();
}
