package dev.grid.monitor.impl.alerts;

import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.GridEvents;
import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.monitor.Alert;
import dev.grid.monitor.AlertEvent;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.monitor.impl.metrics.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Evaluates alert rules against this member's metrics and keeps alerts in the cluster map
 * {@code grid.monitor.alerts} (with backups: an alert outlives the member that fired it). An evaluation reads and writes
 * that map through an {@link AlertStore}, so it never waits for the cluster: evaluations stay on time while a killed
 * member's partitions are being taken over, which is when the member-left alert must fire.
 *
 * <p>Who evaluates what: rules on cluster-wide metrics ({@link #CLUSTER_METRICS}, the same on every
 * member) run on the oldest member only; rules on a member's own metrics run on every member, each
 * for itself. When the oldest member leaves, the next oldest takes over its alerts: it keeps the
 * ones still true (with their original firing time) and resolves the others, including alerts of
 * members that are gone.
 *
 * <p>Besides the member's metrics, rules see series the evaluator derives at each evaluation ({@link #DERIVED_METRICS}):
 * {@code grid_log_group_lag_growth}, from the consumer group lag this member reports ({@link LagGrowth}).
 *
 * <p>Time comes from the member's {@link GridClock}: evaluations are stamped with the interval boundary they
 * belong to ({@link EvaluationClock}), and a resolved alert is kept for {@code resolvedAlertRetention} after it
 * resolved on that clock (every member's evaluation removes the alerts past it).
 */
public final class AlertEvaluator implements AutoCloseable {
    /** Metrics that are the same on every member: rules on them run on the oldest member only. */
    public static final Set<String> CLUSTER_METRICS = Set.of("grid_cluster_members", "grid_cluster_members_missing",
            "grid_cluster_partitions", "grid_cluster_partitions_unassigned", "grid_cluster_partitions_owned", "grid_txn_in_flight",
            "grid_txn_in_doubt", "grid_txn_in_doubt_oldest_seconds", "grid_txn_heuristic_outcomes", "grid_lock_oldest_hold_seconds",
            "grid_lock_waiters", "grid_cp_majority_lost", "grid_cp_majority_available", "grid_cp_voting_members",
            "grid_cp_failures_tolerated");
    /** Series the evaluator derives from the member's metrics at each evaluation, which rules may use: not in {@code /metrics}. */
    public static final Set<String> DERIVED_METRICS = Set.of(LagGrowth.GROWTH);
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final String CLUSTER = "cluster";

    private final List<GridAlertRule> rules;
    private final AlertStore alerts;
    private final String self;
    private final BooleanSupplier oldest;
    private final java.util.function.Supplier<Set<String>> memberAddresses;
    private final GridClock clock;
    private final EvaluationClock evaluationClock;
    private final long retentionMillis;
    private final Webhook webhook;
    private final GridEvents events;
    private final Map<String, Long> pendingSince = new HashMap<>();
    private final LagGrowth lagGrowth;

    public AlertEvaluator(HazelcastInstance hazelcast, GridMonitorConfig config, String self, BooleanSupplier oldest,
                          java.util.function.Supplier<Set<String>> memberAddresses, GridClock clock, GridEvents events) {
        this.rules = DefaultRules.inForce(config);
        this.alerts = new AlertStore(hazelcast, "grid-monitor-alert-store-" + self);
        this.self = self;
        this.oldest = oldest;
        this.memberAddresses = memberAddresses;
        this.clock = clock;
        this.evaluationClock = new EvaluationClock(clock, Math.max(1, config.getEvaluationInterval().toMillis()));
        this.retentionMillis = config.getResolvedAlertRetention().toMillis();
        this.webhook = config.getWebhook().isEmpty() ? null : new Webhook(config.getWebhook());
        this.events = events;
        this.lagGrowth = new LagGrowth(config.getLagGrowthWindow().toMillis(), config.getLagGrowthMinimum());
    }

    /**
     * Rejects rules whose metric this member cannot export.
     *
     * @param known the metric names this member exports (or will, such as a map's before the map exists); the
     *              {@link #DERIVED_METRICS} are known too
     * @throws GridConfigException naming the rule and the unknown metric
     */
    public void checkMetrics(Collection<String> known) {
        for (GridAlertRule rule : rules) {
            if (!known.contains(rule.getMetricName()) && !DERIVED_METRICS.contains(rule.getMetricName())) {
                Set<String> all = new HashSet<>(known);
                all.addAll(DERIVED_METRICS);
                List<String> names = new ArrayList<>(all);
                names.sort(Comparator.naturalOrder());
                throw new GridConfigException("grid.monitor.alerts", "grid.monitor.alerts rule \"" + rule.getName() + "\": metric "
                        + rule.getMetricName() + " is not one this member exports; known metrics: " + String.join(", ", names));
            }
        }
    }

    public List<GridAlertRule> rules() {
        return rules;
    }

    /** @return how long the evaluator's thread should wait before its first evaluation: until the next interval boundary */
    public synchronized long initialDelayMillis() {
        return evaluationClock.delayToNextBoundary();
    }

    /**
     * Evaluates every rule this member is responsible for against the series, and updates the alerts.
     *
     * <p>The evaluation's time is the last evaluation interval boundary on the member's clock. An alert fires at
     * the first evaluation at least {@code for} after the evaluation that first saw its condition hold
     * ({@code activeAt}), and resolves at the first evaluation that sees it no longer hold. Evaluations running
     * less than an interval late, an alert therefore fires at most {@code for} (rounded up to whole intervals)
     * plus one interval after its condition started, and resolves at most one interval after it ended. Resolved
     * alerts past {@code resolvedAlertRetention} are removed.
     */
    public synchronized void evaluate(List<Series> measured) {
        long now = evaluationClock.now();
        List<Series> series = lagGrowth.derive(measured, now);
        boolean isOldest = oldest.getAsBoolean();
        Set<String> trueNow = new HashSet<>();
        Map<String, Series> bySeries = new LinkedHashMap<>();
        for (GridAlertRule rule : rules) {
            boolean cluster = CLUSTER_METRICS.contains(rule.getMetricName());
            if (cluster && !isOldest) {
                continue;
            }
            for (Series s : series) {
                if (!s.name().equals(rule.getMetricName()) || !rule.matches(s.labels())) {
                    continue;
                }
                String id = id(rule, cluster ? CLUSTER : self, s);
                if (!rule.holds(s.value())) {
                    pendingSince.remove(id);
                    continue;
                }
                trueNow.add(id);
                long since = pendingSince.computeIfAbsent(id, k -> now);
                if (now - since >= rule.getFor().toMillis()) {
                    bySeries.put(id, s);
                    fireIfNew(id, rule, cluster ? CLUSTER : self, s, since, now);
                }
            }
        }
        pendingSince.keySet().retainAll(trueNow);
        resolveStale(trueNow, isOldest, now);
    }

    private static String id(GridAlertRule rule, String scope, Series s) {
        return rule.getName() + "|" + scope + "|" + Series.format("", s.labels());
    }

    private void fireIfNew(String id, GridAlertRule rule, String scope, Series s, long activeAt, long now) {
        Alert existing = alerts.get(id);
        if (existing != null && existing.firing()) {
            return;
        }
        Alert alert = new Alert(id, rule.getName(), rule.getSeverity(), rule.getSummary(), "FIRING", scope, s.labels(), s.value(), activeAt,
                now, 0, self);
        alerts.put(alert);
        notify(alert, "firing");
    }

    private void resolveStale(Set<String> trueNow, boolean isOldest, long now) {
        Set<String> present = memberAddresses.get();
        for (Alert alert : alerts.all()) {
            if (!alert.firing()) {
                if (retentionEnded(alert.resolvedAtMillis(), now)) {
                    alerts.remove(alert);
                }
                continue;
            }
            if (trueNow.contains(alert.id())) {
                continue;
            }
            String scope = alert.scope();
            boolean mine = scope.equals(self) || (isOldest && (scope.equals(CLUSTER) || !present.contains(scope)));
            boolean ruleGone = rules.stream().noneMatch(r -> r.getName().equals(alert.rule()));
            if (!mine && !(ruleGone && scope.equals(self))) {
                continue;
            }
            Alert resolved = new Alert(alert.id(), alert.rule(), alert.severity(), alert.summary(), "RESOLVED", scope, alert.labels(),
                    alert.value(), alert.activeAtMillis(), alert.firedAtMillis(), now, self);
            alerts.put(resolved);
            notify(resolved, "resolved");
        }
    }

    private void notify(Alert alert, String status) {
        String line = "alert " + status + ": [" + alert.severity() + "] " + alert.rule() + ": " + alert.summary()
                + " (scope " + alert.scope() + ", " + alert.labels() + ", value " + alert.value() + ")";
        if (status.equals("firing")) {
            LOG.warn(line);
            events.publish(new AlertEvent.Fired(alert, line));
        } else {
            LOG.info(line);
            events.publish(new AlertEvent.Resolved(alert, line));
        }
        if (webhook != null) {
            webhook.post(MonitorJson.write(new Notification(status, alert)));
        }
    }

    /** @return whether a resolved alert's retention has ended at {@code now} (it is kept while {@code now < resolvedAt + retention}) */
    private boolean retentionEnded(long resolvedAt, long now) {
        return now - resolvedAt >= retentionMillis;
    }

    /** @return a future done once the changes of the evaluations so far have reached the cluster's alert map */
    public CompletableFuture<Void> flush() {
        return alerts.flush();
    }

    @Override
    public void close() {
        alerts.close();
    }

    /** @return the alerts kept in the cluster, as this member knows them: firing first (most severe, then newest), then resolved (newest first) */
    public List<Alert> alerts() {
        long now = clock.millis();
        List<Alert> list = new ArrayList<>();
        for (Alert alert : alerts.all()) {
            if (alert.firing() || !retentionEnded(alert.resolvedAtMillis(), now)) {
                list.add(alert);
            }
        }
        List<String> order = List.of("critical", "warning", "info");
        list.sort(Comparator.comparing((Alert a) -> !a.firing()).thenComparing(a -> order.indexOf(a.severity()))
                .thenComparing(Comparator.comparingLong((Alert a) -> Math.max(a.firedAtMillis(), a.resolvedAtMillis())).reversed()));
        return list;
    }

    /** A webhook post: {@code {"status":"firing"|"resolved","alert":{...}}}. */
    private record Notification(String status, Alert alert) {
    }
}
