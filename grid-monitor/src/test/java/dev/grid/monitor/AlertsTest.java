package dev.grid.monitor;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.sun.net.httpserver.HttpServer;
import dev.grid.core.Grid;
import dev.grid.core.GridAlertRule;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridMap;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.MonitoredCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AlertsTest {
    @TempDir
    Path data;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(MonitoredCluster cluster, int member, String rule) {
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) cluster.api(member, "api/alerts").get("alerts");
        return alerts.stream().filter(a -> rule.equals(a.get("rule"))).findFirst().orElse(null);
    }

    @Test
    void memberLeftFiresNotifiesTheWebhookSurvivesTheEvaluatorsLossAndResolves() throws Exception {
        List<Map<String, Object>> posts = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            posts.add(JsonFields.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        String webhook = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
        try (MonitoredCluster cluster = new MonitoredCluster(5, data, config -> config.getMonitor().setWebhook(webhook))) {
            for (int i = 0; i < 3; i++) {
                cluster.startMember();
            }
            String oldest = cluster.members.get(0).localMember().orElseThrow().address();
            cluster.kill(2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 1, "member-left");
                assertTrue(a != null && "FIRING".equals(a.get("state")), String.valueOf(a));
                assertEquals(oldest, a.get("evaluatedBy"));
                assertEquals("cluster", a.get("scope"));
            });
            long firedAt = JsonFields.num(alert(cluster, 1, "member-left"), "firedAt");
            await().atMost(Duration.ofSeconds(10)).until(() -> posts.stream().anyMatch(p -> "firing".equals(p.get("status"))
                    && "member-left".equals(((Map<?, ?>) p.get("alert")).get("rule"))));

            // one backup survives one death at a time: let the cluster re-create the backups member 2 held first
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.members.get(1).hazelcast().getPartitionService().isClusterSafe());
            cluster.kill(0); // the member that evaluated (and fired) it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 1, "member-left");
                assertNotNull(a, "kept in the cluster's alert map");
                assertEquals("FIRING", a.get("state"), "kept in the cluster's alert map");
                assertEquals(firedAt, JsonFields.num(a, "firedAt"), "the same alert, not a new one");
                assertEquals(oldest, a.get("evaluatedBy"));
            });
            assertTrue(JsonFields.num(cluster.api(1, "api/alerts?state=firing"), "firing") >= 1);

            cluster.startMember();
            cluster.startMember();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 1, "member-left");
                assertEquals("RESOLVED", a.get("state"));
                assertEquals(firedAt, JsonFields.num(a, "firedAt"));
                assertTrue(JsonFields.num(a, "resolvedAt") >= firedAt);
                assertEquals(cluster.members.get(1).localMember().orElseThrow().address(), a.get("evaluatedBy"));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> posts.stream().anyMatch(p -> "resolved".equals(p.get("status"))
                    && "member-left".equals(((Map<?, ?>) p.get("alert")).get("rule"))));
        } finally {
            hook.stop(0);
        }
    }

    /**
     * End to end on the system clock, against the configured bounds (the exact behaviour on a clock set by hand is
     * {@link MonitorClockTest}'s): evaluations run every interval (here 500 ms), each stamped with its interval
     * boundary; an alert fires at the first evaluation at least its {@code for} (here 1 s) after the one that first
     * saw its condition, so at most {@code for} plus one interval after the condition started, and resolves at most
     * one interval after it ended, while evaluations run less than an interval late. The condition here is a member
     * killed (no graceful leave): it starts when the evaluating member (the oldest) drops the dead member from its
     * member list, which its membership listener records. Times are the alert's own ({@code activeAt},
     * {@code firedAt}, {@code resolvedAt}, on the evaluating member's clock), not the moments this test polled.
     */
    @Test
    void anAlertFiresWithinItsForPlusOneEvaluationIntervalOfAMemberKilledAndResolvesWithinAnIntervalOfItsReplacement() {
        Duration forDuration = Duration.ofSeconds(1);
        long interval = 500;
        try (MonitoredCluster cluster = new MonitoredCluster(4, data, config -> config.getMonitor()
                .setEvaluationInterval(Duration.ofMillis(interval))
                .addAlert(new GridAlertRule("member-left", "grid_cluster_members_missing", ">", 0).setFor(forDuration)
                        .setSeverity("warning").setSummary("a member left the cluster and has not been replaced")))) {
            for (int i = 0; i < 3; i++) {
                cluster.startMember();
            }
            AtomicLong removedAt = new AtomicLong();
            AtomicLong addedAt = new AtomicLong();
            cluster.members.get(0).hazelcast().getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    addedAt.compareAndSet(0, System.currentTimeMillis());
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    removedAt.compareAndSet(0, System.currentTimeMillis());
                }
            });
            long killedAt = System.currentTimeMillis();
            cluster.kill(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.monitors.get(1).alerts().stream()
                    .anyMatch(a -> a.rule().equals("member-left") && a.firing()));
            Alert fired = cluster.monitors.get(1).alerts().stream().filter(a -> a.rule().equals("member-left")).findFirst().orElseThrow();
            long conditionStart = removedAt.get();
            System.out.printf("AlertsTest: member killed; removed from the member list after %d ms; alert condition first seen by the "
                            + "evaluation of %d ms after that, fired by the evaluation %d ms after that (for %d ms, evaluation interval "
                            + "%d ms): %d ms from the condition's start, %d ms from the kill%n", conditionStart - killedAt,
                    fired.activeAtMillis() - conditionStart, fired.firedAtMillis() - fired.activeAtMillis(), forDuration.toMillis(),
                    interval, fired.firedAtMillis() - conditionStart, fired.firedAtMillis() - killedAt);
            assertTrue(conditionStart > 0, "the membership listener saw the member leave");
            assertEquals(0, fired.activeAtMillis() % interval, "stamped with its evaluation's interval boundary: " + fired);
            assertEquals(0, fired.firedAtMillis() % interval, "stamped with its evaluation's interval boundary: " + fired);
            assertTrue(fired.firedAtMillis() - fired.activeAtMillis() >= forDuration.toMillis(),
                    "fired before its condition held for " + forDuration + ": " + fired);
            assertTrue(fired.firedAtMillis() - conditionStart <= forDuration.toMillis() + interval,
                    "fired " + (fired.firedAtMillis() - conditionStart) + " ms after the condition started: " + fired);

            cluster.startMember();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.monitors.get(1).alerts().stream()
                    .anyMatch(a -> a.rule().equals("member-left") && !a.firing()));
            Alert resolved = cluster.monitors.get(1).alerts().stream().filter(a -> a.rule().equals("member-left")).findFirst().orElseThrow();
            System.out.printf("AlertsTest: replacement joined; the alert resolved by the evaluation of %d ms after the member list "
                    + "showed it%n", resolved.resolvedAtMillis() - addedAt.get());
            assertEquals(fired.firedAtMillis(), resolved.firedAtMillis(), "the same alert");
            assertTrue(addedAt.get() > 0 && resolved.resolvedAtMillis() - addedAt.get() <= interval,
                    "resolved " + (resolved.resolvedAtMillis() - addedAt.get()) + " ms after the replacement joined: " + resolved);
        }
    }

    @Test
    void aMemberScopedRuleFiresPerMemberAndResolves() {
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, config -> config.getMonitor().setDefaultRules(false)
                .addAlert(new GridAlertRule("hot-map-big", "grid_map_entries{map=\"hot\",replica=\"primary\"}", ">", 10)
                        .setSeverity("critical").setSummary("hot holds more than 10 entries")))) {
            cluster.startMember();
            Grid member = cluster.members.get(0);
            GridMap<Integer, Integer> hot = member.map("hot");
            for (int i = 0; i < 50; i++) {
                hot.set(i, i);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 0, "hot-map-big");
                assertTrue(a != null && "FIRING".equals(a.get("state")), String.valueOf(a));
                assertEquals(member.localMember().orElseThrow().address(), a.get("scope"));
                assertEquals(Map.of("map", "hot", "replica", "primary"), a.get("labels"));
                assertTrue(JsonFields.dbl(a, "value") > 10 && JsonFields.dbl(a, "value") <= 50, "the value when it fired: " + a);
                assertEquals("critical", a.get("severity"));
            });
            hot.clear();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals("RESOLVED", alert(cluster, 0, "hot-map-big").get("state")));
            assertTrue(cluster.monitors.get(0).alerts().stream().anyMatch(a -> a.rule().equals("hot-map-big") && !a.firing()));
        }
    }

    @Test
    void aRuleOnAnUnknownMetricIsRejectedAtStartNamingTheRule() {
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, config -> config.getMonitor()
                .addAlert(new GridAlertRule("typo", "grid_map_entires", ">", 1)))) {
            GridConfigException e = assertThrows(GridConfigException.class, cluster::startMember);
            assertTrue(e.getMessage().startsWith("grid.monitor.alerts rule \"typo\": metric grid_map_entires is not one this member exports;"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("grid_map_entries"), "lists the known metrics");
        }
    }
}
