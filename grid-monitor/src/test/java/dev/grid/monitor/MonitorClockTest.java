package dev.grid.monitor;

import dev.grid.core.GridAlertRule;
import dev.grid.core.GridEvent;
import dev.grid.core.GridMap;
import dev.grid.core.test.ManualClock;
import dev.grid.monitor.impl.DefaultGridMonitor;
import dev.grid.monitor.impl.cluster.MemberView;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.monitor.test.MonitoredCluster;
import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.TxnEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor's time-based behaviour on a {@link ManualClock} given to the members ({@code GridConfig.setClock}):
 * alert {@code for} durations, resolution and retention, the retention of heuristic outcomes, and stale member views. The evaluation interval is a
 * minute and evaluations start at the next minute on the clock, which stands still: the evaluator's own thread
 * never runs during a test, and the test evaluates by hand ({@link GridMonitor#evaluateAlerts()}) after moving the
 * clock. Every expectation is exact to the millisecond.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MonitorClockTest {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration FOR = Duration.ofMinutes(5);
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Duration MS = Duration.ofMillis(1);

    @TempDir
    Path data;

    private static Optional<Alert> alert(GridMonitor monitor, String rule) {
        return monitor.alerts().stream().filter(a -> a.rule().equals(rule)).findFirst();
    }

    @Test
    void anAlertFiresExactlyItsForAfterItsConditionIsFirstSeenResolvesAndIsKeptForItsRetention() {
        ManualClock clock = new ManualClock();
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, config -> config.setClock(clock).getMonitor()
                .setDefaultRules(false).setEvaluationInterval(INTERVAL).setResolvedAlertRetention(RETENTION)
                .addAlert(new GridAlertRule("hot-map-big", "grid_map_entries{map=\"hot\",replica=\"primary\"}", ">", 10)
                        .setFor(FOR).setSeverity("warning").setSummary("hot holds more than 10 entries")))) {
            cluster.startMember();
            GridMonitor monitor = cluster.monitors.get(0);
            List<AlertEvent> published = new CopyOnWriteArrayList<>();
            cluster.members.get(0).events().subscribe(event -> {
                if (event instanceof AlertEvent alert) {
                    published.add(alert);
                }
            });
            GridMap<Integer, Integer> hot = cluster.members.get(0).map("hot");
            for (int i = 0; i < 50; i++) {
                hot.set(i, i);
            }
            long seen = clock.millis();
            monitor.evaluateAlerts();
            assertTrue(alert(monitor, "hot-map-big").isEmpty(), "pending, not firing, when first seen");

            clock.advance(FOR.minus(MS));
            monitor.evaluateAlerts();
            assertTrue(alert(monitor, "hot-map-big").isEmpty(), "a millisecond before its for: the evaluation of the interval before");

            clock.advance(MS);
            monitor.evaluateAlerts();
            Alert fired = alert(monitor, "hot-map-big").orElseThrow();
            assertTrue(fired.firing(), fired.toString());
            assertEquals(seen, fired.activeAtMillis());
            assertEquals(seen + FOR.toMillis(), fired.firedAtMillis(), "fired exactly its for after the condition was first seen");
            assertEquals(List.of(new AlertEvent.Fired(fired, published.get(0).message())), published, "published once, when it fired");
            assertEquals(GridEvent.Severity.WARN, published.get(0).severity());
            assertEquals(fired.firedAtMillis(), published.get(0).timeMillis());

            clock.advance(INTERVAL);
            monitor.evaluateAlerts();
            assertTrue(alert(monitor, "hot-map-big").orElseThrow().firing(), "fires while its condition holds");
            hot.clear();
            clock.advance(INTERVAL);
            monitor.evaluateAlerts();
            Alert resolved = alert(monitor, "hot-map-big").orElseThrow();
            assertFalse(resolved.firing(), resolved.toString());
            assertEquals(fired.firedAtMillis() + 2 * INTERVAL.toMillis(), resolved.resolvedAtMillis(), "resolved by the first evaluation after");
            assertEquals(fired.firedAtMillis(), resolved.firedAtMillis(), "the same alert");
            assertEquals(2, published.size());
            assertEquals(new AlertEvent.Resolved(resolved, published.get(1).message()), published.get(1));

            clock.advance(RETENTION.minus(MS));
            monitor.evaluateAlerts();
            assertEquals(Optional.of(resolved), alert(monitor, "hot-map-big"), "kept for its whole retention");
            clock.advance(MS);
            assertTrue(alert(monitor, "hot-map-big").isEmpty(), "no longer shown once its retention has passed");
            monitor.evaluateAlerts();
            assertTrue(cluster.members.get(0).hazelcast().getMap(Structures.ALERTS).isEmpty(), "removed by the next evaluation");
        }
    }

    @Test
    void aMembersViewIsShownUntilItHasNotBeenUpdatedForTenSecondsOnTheClock() {
        ManualClock clock = new ManualClock();
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, config -> config.setClock(clock))) {
            cluster.startMember();
            DefaultGridMonitor monitor = (DefaultGridMonitor) cluster.monitors.get(0);
            String self = cluster.members.get(0).localMember().orElseThrow().address();
            await().atMost(Duration.ofSeconds(30)).until(() -> addresses(monitor).contains(self));
            // the last view a member left behind when it vanished (killed, its host gone): no one refreshes it any more
            String gone = "127.0.0.1:1";
            cluster.members.get(0).hazelcast().<String, String>getMap(Structures.MEMBERS)
                    .set("vanished", MonitorJson.write(Map.of("id", "vanished", "address", gone, "updatedAt", clock.millis())));
            assertTrue(addresses(monitor).contains(gone));

            clock.advance(Duration.ofSeconds(10).minus(MS));
            assertTrue(addresses(monitor).contains(gone), "shown until 10 s (five refresh intervals, at least 10 s) on the clock");
            clock.advance(MS);
            assertFalse(addresses(monitor).contains(gone), "stale after 10 s on the clock");
            assertFalse(cluster.members.get(0).hazelcast().getMap(Structures.MEMBERS).containsKey("vanished"), "and removed");
            // the member's own view is refreshed every 200 ms (real time), stamped with the clock's new reading
            await().atMost(Duration.ofSeconds(10)).until(() -> addresses(monitor).equals(List.of(self)));
        }
    }

    @Test
    void aHeuristicOutcomeIsKeptForTheResolvedAlertRetentionOnTheClock() {
        ManualClock clock = new ManualClock();
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, config -> config.setClock(clock).getMonitor()
                .setResolvedAlertRetention(RETENTION))) {
            cluster.startMember();
            GridMonitor monitor = cluster.monitors.get(0);
            cluster.members.get(0).events().publish(new TxnEvent.Heuristic(clock.millis(), "0:ffff7f000001:1:2:3", "node-1",
                    List.of("grid", "orders"), GridHeuristicException.Outcome.MIXED, "orders", "transaction 0:ffff7f000001:1:2:3: heuristic MIXED"));
            await().atMost(Duration.ofSeconds(20)).until(() -> monitor.heuristics().size() == 1);
            HeuristicOutcome kept = monitor.heuristics().get(0);
            assertEquals("MIXED", kept.outcome());
            assertEquals(clock.millis(), kept.atMillis());

            clock.advance(RETENTION.minus(MS));
            assertEquals(List.of(kept), monitor.heuristics(), "kept for the whole retention");
            clock.advance(MS);
            assertTrue(monitor.heuristics().isEmpty(), "gone once the retention has passed");
            assertTrue(cluster.members.get(0).hazelcast().getMap(Structures.HEURISTICS).isEmpty(), "and removed");
        }
    }

    private static List<String> addresses(DefaultGridMonitor monitor) {
        return monitor.views().all().stream().map(MemberView::address).toList();
    }
}
