package dev.grid.monitor.impl.alerts;

import dev.grid.core.Grid;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.ManualClock;
import dev.grid.monitor.Alert;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.metrics.Series;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in log-lag-growing rule on a {@link ManualClock}, one evaluation per second, a window of 3 s and a minimum
 * of 100 records: the alert fires at the first evaluation at which the group's lag on the topic (summed over its
 * partitions) has not gone down for a whole window and ends it higher, and only then; a level lag, a lag below the
 * minimum and a lag that fell within the window do not fire it; it resolves when the lag falls. Each expectation names
 * the evaluation, so a rule that never fires, fires without growth, ignores the minimum or ignores a fall fails here.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LagGrowingAlertTest {
    private static final long T0 = 1_764_151_200_000L;
    private static final String SELF = "127.0.0.1:5701";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(17);

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
    private AlertEvaluator evaluator;

    @BeforeEach
    void evaluator() {
        Grid member = CLUSTER.member(0);
        member.hazelcast().getMap(Structures.ALERTS).clear();
        GridMonitorConfig config = new GridMonitorConfig().setEvaluationInterval(INTERVAL).setLagGrowthWindow(Duration.ofSeconds(3))
                .setLagGrowthMinimum(100);
        evaluator = new AlertEvaluator(member.hazelcast(), config, SELF, () -> true, () -> Set.of(SELF), clock, member.events());
    }

    @AfterEach
    void close() {
        evaluator.close();
    }

    /** Evaluates once per lag (the lag split over two partitions), a second apart, and returns the alert after each. */
    private List<Optional<Alert>> evaluate(String group, long... lags) {
        List<Optional<Alert>> after = new ArrayList<>();
        for (long lag : lags) {
            evaluator.evaluate(List.of(lag(group, 0, lag / 2), lag(group, 1, lag - lag / 2), lag("steady", 0, 5000)));
            after.add(alert(group));
            clock.advance(INTERVAL);
        }
        return after;
    }

    private static Series lag(String group, int partition, long lag) {
        return new Series("grid_log_group_lag", Map.of("group", group, "topic", "orders", "partition", Integer.toString(partition)), lag,
                false, "help");
    }

    private Optional<Alert> alert(String group) {
        return evaluator.alerts().stream().filter(a -> a.rule().equals("log-lag-growing") && group.equals(a.labels().get("group"))).findFirst();
    }

    private static List<Boolean> firing(List<Optional<Alert>> alerts) {
        return alerts.stream().map(a -> a.map(Alert::firing).orElse(false)).toList();
    }

    @Test
    void firesOnceTheLagHasGrownForAWholeWindowAndResolvesWhenItFalls() {
        List<Optional<Alert>> after = evaluate("billing", 100, 200, 300, 400, 500, 450);
        assertEquals(List.of(false, false, false, true, true, false), firing(after), "fires at the evaluation 3 s after the run began");
        Alert fired = after.get(3).orElseThrow();
        assertEquals(T0 + 3000, fired.firedAtMillis());
        assertEquals(T0 + 3000, fired.activeAtMillis());
        assertEquals(300.0, fired.value(), "grew by 300 records over the window (100 to 400)");
        assertEquals(Map.of("group", "billing", "topic", "orders"), fired.labels(), "one alert per group and topic, not per partition");
        assertEquals(SELF, fired.scope(), "evaluated by the member that reports the group's lag");
        assertEquals("warning", fired.severity());
        assertEquals("a consumer group's lag on a topic has kept growing for 3s and is at least 100 records", fired.summary());
        assertEquals(T0 + 3000, after.get(4).orElseThrow().firedAtMillis(), "still growing: the same alert fires on");
        Alert resolved = after.get(5).orElseThrow();
        assertFalse(resolved.firing());
        assertEquals(T0 + 5000, resolved.resolvedAtMillis(), "resolved by the evaluation that saw the lag fall");
        assertTrue(alert("steady").isEmpty(), "a level lag of another group never fires");
    }

    @Test
    void aLevelLagDoesNotFireAndARepeatedMeasurementDoesNotBreakAGrowingRun() {
        assertEquals(List.of(false, false, false, false, false), firing(evaluate("level", 500, 500, 500, 500, 500)),
                "a lag that does not grow is not growing, however long it stays");
        assertEquals(List.of(false, false, false, true), firing(evaluate("stale", 100, 200, 200, 300)),
                "the same measurement seen twice counts as level, not as a fall");
        assertEquals(200.0, alert("stale").orElseThrow().value());
    }

    @Test
    void aGrowingLagBelowTheMinimumDoesNotFire() {
        assertEquals(List.of(false, false, false, false, false, true), firing(evaluate("small", 10, 30, 50, 70, 90, 110)),
                "grows all along, fires once it is at least 100 records");
    }

    @Test
    void aFallStartsTheWindowAfresh() {
        assertEquals(List.of(false, false, false, false, false, true), firing(evaluate("bumpy", 100, 200, 150, 250, 350, 450)),
                "the fall at 2 s starts a new window: it fires at 5 s, not at 3 s");
        assertEquals(300.0, alert("bumpy").orElseThrow().value(), "150 at the new window's start, 450 now");
    }
}
