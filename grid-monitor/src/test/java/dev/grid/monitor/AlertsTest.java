package dev.grid.monitor;

import com.sun.net.httpserver.HttpServer;
import dev.grid.core.Grid;
import dev.grid.core.GridAlertRule;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridMap;
import dev.grid.monitor.impl.json.Json;
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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            posts.add(Json.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
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
            long firedAt = Json.num(alert(cluster, 1, "member-left"), "firedAt");
            await().atMost(Duration.ofSeconds(10)).until(() -> posts.stream().anyMatch(p -> "firing".equals(p.get("status"))
                    && "member-left".equals(((Map<?, ?>) p.get("alert")).get("rule"))));

            cluster.kill(0); // the member that evaluated (and fired) it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 1, "member-left");
                assertEquals("FIRING", a.get("state"), "kept in the cluster's alert map");
                assertEquals(firedAt, Json.num(a, "firedAt"), "the same alert, not a new one");
                assertEquals(oldest, a.get("evaluatedBy"));
            });
            assertTrue(Json.num(cluster.api(1, "api/alerts?state=firing"), "firing") >= 1);

            cluster.startMember();
            cluster.startMember();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> a = alert(cluster, 1, "member-left");
                assertEquals("RESOLVED", a.get("state"));
                assertEquals(firedAt, Json.num(a, "firedAt"));
                assertTrue(Json.num(a, "resolvedAt") >= firedAt);
                assertEquals(cluster.members.get(1).localMember().orElseThrow().address(), a.get("evaluatedBy"));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> posts.stream().anyMatch(p -> "resolved".equals(p.get("status"))
                    && "member-left".equals(((Map<?, ?>) p.get("alert")).get("rule"))));
        } finally {
            hook.stop(0);
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
                assertEquals(50.0, Json.dbl(a, "value"));
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
