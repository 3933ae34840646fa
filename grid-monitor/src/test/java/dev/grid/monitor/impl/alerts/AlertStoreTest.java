package dev.grid.monitor.impl.alerts;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.ManualClock;
import dev.grid.monitor.Alert;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.monitor.impl.metrics.Series;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An alert evaluation never waits for the cluster's alert map: with the partition that holds an alert held busy (as a
 * killed member's partitions are until a backup takes over), an evaluation that resolves the alert returns at once and
 * shows it resolved while the partition is still held, and the map follows once the test frees the partition. An
 * evaluator that read or wrote the map itself would return only after the hold ended (the hold gives up after
 * {@link #HOLD_LIMIT_SECONDS}, so such an evaluator fails here rather than hangs). Also: the store hears of alerts other members write, and of two versions of an
 * alert keeps the one that changed state later.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AlertStoreTest {
    private static final long T0 = 1_764_151_200_000L;
    private static final String SELF = "127.0.0.1:5701";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final long HOLD_LIMIT_SECONDS = 20;
    private static final CountDownLatch HOLDING = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(17);

    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
    private AlertEvaluator evaluator;
    private IMap<String, String> map;

    @BeforeEach
    void evaluator() {
        Grid member = CLUSTER.member(0);
        map = member.hazelcast().getMap(Structures.ALERTS);
        map.clear();
        GridMonitorConfig config = new GridMonitorConfig().setDefaultRules(false).setEvaluationInterval(INTERVAL)
                .addAlert(new GridAlertRule("queue-deep", "grid_test_queue_depth", ">", 10).setSeverity("warning").setSummary("deep"));
        evaluator = new AlertEvaluator(member.hazelcast(), config, SELF, () -> true, () -> Set.of(SELF), clock, member.events());
    }

    @AfterEach
    void close() {
        evaluator.close();
    }

    private static List<Series> depth(double value) {
        return List.of(new Series("grid_test_queue_depth", Map.of("queue", "orders"), value, false, "help"));
    }

    private Alert theAlert() {
        List<Alert> alerts = evaluator.alerts();
        assertEquals(1, alerts.size(), alerts.toString());
        return alerts.get(0);
    }

    /**
     * Holds the partition thread that owns {@code key} (through a map of its own) until {@link #RELEASE} is counted down,
     * or {@link #HOLD_LIMIT_SECONDS} have passed.
     */
    private static CompletionStage<Object> holdPartitionOf(String key) throws InterruptedException {
        IMap<String, String> other = CLUSTER.member(0).hazelcast().getMap("alert-store-test-hold");
        CompletionStage<Object> held = other.submitToKey(key, (EntryProcessor<String, String, Object> & Serializable) entry -> {
            HOLDING.countDown();
            try {
                RELEASE.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertTrue(HOLDING.await(30, TimeUnit.SECONDS), "the partition thread took the hold");
        return held;
    }

    @Test
    void anEvaluationDoesNotWaitForABusyPartitionOfTheAlertMap() throws Exception {
        evaluator.evaluate(depth(50));
        Alert fired = theAlert();
        assertTrue(fired.firing(), fired.toString());
        evaluator.flush().get(30, TimeUnit.SECONDS);
        assertEquals(fired, MonitorJson.read(map.get(fired.id()), Alert.class), "in the cluster's map once flushed");

        CompletionStage<Object> held = holdPartitionOf(fired.id());
        Alert resolved;
        try {
            clock.advance(INTERVAL);
            evaluator.evaluate(depth(0));
            resolved = theAlert();
            assertFalse(held.toCompletableFuture().isDone(), "the evaluation returned only once the alert's partition was free");
            assertFalse(resolved.firing(), "resolved at once, as this member sees it: " + resolved);
            assertEquals(T0 + INTERVAL.toMillis(), resolved.resolvedAtMillis());
        } finally {
            RELEASE.countDown();
        }
        held.toCompletableFuture().get(30, TimeUnit.SECONDS);
        evaluator.flush().get(30, TimeUnit.SECONDS);
        assertEquals(resolved, MonitorJson.read(map.get(fired.id()), Alert.class), "and in the cluster's map once the partition is free");
    }

    @Test
    void alertsOtherMembersWriteReachTheStoreAndAnOlderVersionDoesNotReplaceANewerOne() {
        Alert firing = new Alert("queue-deep|127.0.0.1:5702|{queue=\"billing\"}", "queue-deep", "warning", "deep", "FIRING",
                "127.0.0.1:5702", Map.of("queue", "billing"), 30, T0, T0, 0, "127.0.0.1:5702");
        map.set(firing.id(), MonitorJson.write(firing));
        await().atMost(Duration.ofSeconds(20)).until(() -> evaluator.alerts().contains(firing));

        Alert resolved = new Alert(firing.id(), "queue-deep", "warning", "deep", "RESOLVED", "127.0.0.1:5702", Map.of("queue", "billing"),
                30, T0, T0, T0 + 1000, "127.0.0.1:5702");
        assertSame(resolved, AlertStore.newer(firing, resolved));
        assertSame(resolved, AlertStore.newer(resolved, firing), "a resolution is newer than the firing it resolved");
        Alert refired = new Alert(firing.id(), "queue-deep", "warning", "deep", "FIRING", "127.0.0.1:5702", Map.of("queue", "billing"),
                40, T0 + 2000, T0 + 2000, 0, "127.0.0.1:5702");
        assertSame(refired, AlertStore.newer(resolved, refired), "a later firing is newer than an earlier resolution");

        map.set(firing.id(), MonitorJson.write(resolved));
        await().atMost(Duration.ofSeconds(20)).until(() -> evaluator.alerts().contains(resolved));
        map.remove(firing.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> evaluator.alerts().isEmpty());
        assertNull(map.get(firing.id()));
    }
}
