package dev.grid.monitor;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.GridEvent;
import dev.grid.core.GridMap;
import dev.grid.lock.GridLocks;
import dev.grid.monitor.test.H2Server;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.JvmProcess;
import dev.grid.monitor.test.MonitoredCluster;
import dev.grid.monitor.test.PrometheusText;
import dev.grid.monitor.test.Promtool;
import dev.grid.monitor.test.RawHttp;
import dev.grid.monitor.test.TransactionManagerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.transaction.xa.XAResource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor's JSON API and /metrics against three members under load: each view shows real values
 * (members, partitions, a map's entries and latency, a lock with its holder and fence, an in-doubt
 * transaction until recovery completes it, a warning from another member in the log).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MonitorApiTest {
    private static final int ENTRIES = 2000;
    @TempDir
    static Path data;
    private static MonitoredCluster cluster;
    private static ExecutorService load;
    private static final AtomicBoolean loading = new AtomicBoolean(true);
    private static Future<?> loadDone;
    private static long fence;
    private static final Duration IN_DOUBT_LIMIT = Duration.ofSeconds(1);
    private static H2Server h2;

    @BeforeAll
    static void start() throws SQLException {
        h2 = H2Server.start();
        cluster = new MonitoredCluster(3, data, config -> config.getMonitor().setInDoubtLimit(IN_DOUBT_LIMIT));
        for (int i = 0; i < 3; i++) {
            cluster.startMember();
        }
        GridMap<Integer, String> orders = cluster.members.get(0).map("orders");
        for (int i = 0; i < ENTRIES; i++) {
            orders.set(i, "order-" + i);
        }
        load = Executors.newSingleThreadExecutor();
        loadDone = load.submit(() -> {
            GridMap<Integer, String> map = cluster.members.get(1).map("orders");
            for (int round = 0; loading.get() && round < 200_000; round++) {
                map.get(round % (ENTRIES + 100));
                if (round % 10 == 0) {
                    map.set(round % ENTRIES, "order-" + round);
                }
            }
        });
        FencedLock lock = GridLocks.of(cluster.members.get(1)).get("inventory");
        fence = lock.lockAndGetFence();
    }

    @AfterAll
    static void stop() throws Exception {
        loading.set(false);
        if (loadDone != null) {
            loadDone.get(30, TimeUnit.SECONDS);
            load.shutdownNow();
        }
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (h2 != null) {
                h2.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @Test
    void membersAndPartitionsShowEveryMemberFromAnyMember() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> body = cluster.api(2, "api/members");
            List<Map<String, Object>> members = list(body, "members");
            assertEquals(3, members.size());
            long partitions = 0;
            long entries = 0;
            for (int i = 0; i < 3; i++) {
                Map<String, Object> m = members.get(i);
                assertEquals(cluster.members.get(i).localMember().orElseThrow().address(), m.get("address"));
                assertNotNull(m.get("heapUsed"), "member view published: " + m);
                assertTrue(((Number) m.get("offHeapReserved")).longValue() > 0, m.toString());
                partitions += JsonFields.num(m, "partitionsOwned");
                entries += JsonFields.num(m, "entries");
            }
            assertEquals(17, partitions);
            assertEquals(ENTRIES, entries);
            assertEquals(Boolean.TRUE, members.get(0).get("oldest"));
        });
        Map<String, Object> partitions = cluster.api(1, "api/partitions");
        assertEquals(17L, JsonFields.num(partitions, "partitionCount"));
        assertEquals(3, list(partitions, "members").size());
        assertEquals(17L, list(partitions, "members").stream().mapToLong(m -> JsonFields.num(m, "owned")).sum());
    }

    @Test
    void mapsShowEntriesMemoryOperationsAndLatency() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> orders = list(cluster.api(0, "api/maps"), "maps").stream()
                    .filter(m -> "orders".equals(m.get("name"))).findFirst().orElseThrow();
            assertEquals((long) ENTRIES, orders.get("entries"));
            assertEquals((long) ENTRIES, orders.get("backupEntries"));
            assertTrue(JsonFields.num(orders, "offHeapUsed") > 0 && JsonFields.num(orders, "offHeapUsed") <= JsonFields.num(orders, "offHeapReserved"), orders.toString());
            assertTrue(JsonFields.num(orders, "gets") > 100, orders.toString());
            assertTrue(JsonFields.num(orders, "puts") >= ENTRIES, orders.toString());
            assertTrue(JsonFields.dbl(orders, "hitRatio") > 0.5 && JsonFields.dbl(orders, "hitRatio") < 1, orders.toString());
            assertTrue(JsonFields.dbl(orders, "meanPutMicros") > 0, orders.toString());
            assertTrue(JsonFields.dbl(orders, "p99PutMicros") > 0, orders.toString());
            assertEquals(3, list(orders, "members").size());
        });
    }

    @Test
    void locksShowTheHolderAndItsFence() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> body = cluster.api(2, "api/locks");
            Map<String, Object> lock = list(body, "locks").stream().filter(l -> "inventory".equals(l.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(body.toString()));
            assertEquals(fence, lock.get("fence"));
            @SuppressWarnings("unchecked")
            Map<String, Object> holder = (Map<String, Object>) lock.get("holder");
            assertEquals(cluster.members.get(1).hazelcast().getCluster().getLocalMember().getUuid().toString(), holder.get("owner"));
            assertTrue(((String) holder.get("ownerName")).endsWith(":" + cluster.members.get(1).localMember().orElseThrow().port()), holder.toString());
            assertTrue(JsonFields.num(lock, "heldMillis") >= 0);
        });
    }

    /**
     * A real in-doubt transaction: an application JVM (a grid client with grid-txn's transaction manager,
     * forwarding its events) runs a transaction over GridMap and H2 whose commit blocks after every resource
     * prepared and the decision was logged; it is killed there. A second JVM with the same node identifier
     * and object store recovers it.
     */
    @Test
    void aRealInDoubtTransactionAppearsFiresItsAlertAndDisappearsAfterRecovery() throws Exception {
        String key = "k-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(Path.of("target", "in-doubt", key)).toAbsolutePath();
        String nodeId = "tm-" + key;
        String[] args = {"prepare-and-block", cluster.clusterName(), String.join(",", cluster.memberAddresses()), h2.tcpUrl(),
                dir.resolve("object-store").toString(), nodeId, key};
        String txId;
        long killedAt;
        try (JvmProcess app = JvmProcess.start(dir, TransactionManagerApp.class, args)) {
            txId = app.awaitOutput(Pattern.compile("IN-DOUBT (\\S+)"), Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<String, Object> body = cluster.api(0, "api/transactions");
                assertEquals(1L, JsonFields.num(body, "inDoubtCount"), body.toString());
                Map<String, Object> first = list(body, "inFlight").get(0);
                assertEquals(txId, first.get("txId"), "in doubt first: " + body);
                assertEquals("PREPARED", first.get("state"));
                assertEquals(Boolean.TRUE, first.get("inDoubt"));
                assertEquals(nodeId, first.get("node"));
                assertEquals(List.of("commit-gate", "grid", "h2"), first.get("resources"));
                assertTrue(((String) first.get("publisher")).startsWith("client-"), first.toString());
                assertTrue(JsonFields.num(first, "inDoubtMillis") > 0 && JsonFields.num(first, "ageMillis") >= JsonFields.num(first, "inDoubtMillis"),
                        first.toString());
            });
            assertEquals(1, h2.preparedTransactions(), "H2 holds the prepared branch");
            assertEquals(1, cluster.members.get(0).hazelcast().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length,
                    "the members hold the prepared grid branch");
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.monitors.get(1).scrape().contains("grid_txn_in_doubt 1"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<String, Object> alert = alert(1, "txn-in-doubt");
                assertTrue(alert != null && "FIRING".equals(alert.get("state")), String.valueOf(alert));
                assertTrue(JsonFields.dbl(alert, "value") > IN_DOUBT_LIMIT.toSeconds(), alert.toString());
            });
            app.kill();
            killedAt = System.currentTimeMillis();
        }
        // the killed JVM's transaction stays in doubt: nothing but recovery can decide it
        assertEquals(txId, cluster.monitors.get(2).transactions().get(0).txId());

        args[0] = "recover";
        try (JvmProcess recovery = JvmProcess.start(dir, TransactionManagerApp.class, args)) {
            assertEquals(0, recovery.waitForExit(Duration.ofSeconds(150)), "recovery failed; out:\n" + recovery.out() + "\nerr:\n"
                    + JvmProcess.tail(recovery.err()));
            assertTrue(recovery.out().contains("COMMITTED [" + txId + "]"), "recovery reports the transaction id the monitor shows: "
                    + recovery.out());
            System.out.println("MonitorApiTest: in-doubt transaction " + txId + " recovered: " + recovery.out().replace('\n', ' '));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> body = cluster.api(1, "api/transactions");
            assertTrue(list(body, "inFlight").stream().noneMatch(t -> txId.equals(t.get("txId"))), body.toString());
            assertEquals(0L, JsonFields.num(body, "inDoubtCount"), body.toString());
            Map<String, Object> alert = alert(2, "txn-in-doubt");
            assertEquals("RESOLVED", alert.get("state"), alert.toString());
            assertTrue(JsonFields.num(alert, "resolvedAt") >= killedAt, alert.toString());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.monitors.get(0).scrape().contains("grid_txn_in_doubt 0"));
        assertEquals("committed", cluster.members.get(2).<String, String>map("accounts").get(key));
        assertEquals(1, h2.balance(key));
        assertEquals(0, h2.preparedTransactions());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(int member, String rule) {
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) cluster.api(member, "api/alerts").get("alerts");
        return alerts.stream().filter(a -> rule.equals(a.get("rule"))).findFirst().orElse(null);
    }

    /** An application's own kind of event. */
    record DiskSlow(long timeMillis, String device) implements GridEvent {
        @Override
        public String type() {
            return "test.disk-slow";
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        @Override
        public String message() {
            return "disk is slow on member 3";
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of("device", device);
        }
    }

    @Test
    void warningsOfEveryMemberReachTheDistributedLog() {
        cluster.members.get(2).events().publish(new DiskSlow(cluster.members.get(2).clock().millis(), "sda"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> entries = list(cluster.api(0, "api/log?severity=WARN&limit=100"), "entries");
            Map<String, Object> entry = entries.stream().filter(e -> "test.disk-slow".equals(e.get("source"))).findFirst()
                    .orElseThrow(() -> new AssertionError(entries.toString()));
            assertEquals(cluster.members.get(2).localMember().orElseThrow().address(), entry.get("member"));
            assertTrue(((String) entry.get("message")).contains("disk is slow on member 3"));
        });
        assertTrue(list(cluster.api(0, "api/log?severity=ERROR"), "entries").stream().noneMatch(e -> "test.disk-slow".equals(e.get("source"))));
    }

    @Test
    void unknownPathsAnd400sAnswerJsonNamingTheProblem() throws Exception {
        HttpResponse<String> missing = MonitoredCluster.get(cluster.url(0) + "api/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(JsonFields.parseObject(missing.body()).get("error").toString().startsWith("no such path: /api/nothing"));
        HttpResponse<String> bad = MonitoredCluster.get(cluster.url(0) + "api/log?limit=lots");
        assertEquals(400, bad.statusCode());
        Map<String, Object> error = JsonFields.parseObject(bad.body());
        assertEquals("limit", error.get("parameter"));
        assertEquals("parameter 'limit' must be an integer between 1 and 1000, was 'lots'", error.get("error"));
        HttpResponse<String> unknown = MonitoredCluster.get(cluster.url(0) + "api/alerts?stat=firing");
        assertEquals(400, unknown.statusCode());
        assertEquals("stat", JsonFields.parseObject(unknown.body()).get("parameter"));
        HttpResponse<String> state = MonitoredCluster.get(cluster.url(0) + "api/alerts?state=burning");
        assertEquals(400, state.statusCode());
        assertTrue(state.body().contains("parameter 'state' must be one of all, firing, resolved, was 'burning'"));
        assertTrue(MonitoredCluster.get(cluster.url(0)).body().contains("<title>grid monitor</title>"));
    }

    @Test
    void headAnswersTheHeadersWithoutABodyAndOtherMethodsGet405() throws Exception {
        int port = Integer.parseInt(cluster.url(0).replaceAll(".*:(\\d+)/$", "$1"));
        try (RawHttp http = RawHttp.connect(port)) {
            http.send("HEAD /api HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            RawHttp.Outcome head = http.awaitOutcome(Duration.ofSeconds(10));
            assertEquals(200, head.status(), head.received());
            assertTrue(head.received().contains("Content-Type: application/json"), head.received());
            assertEquals("", head.body());
        }
        try (RawHttp http = RawHttp.connect(port)) {
            http.send("POST /api/members HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            RawHttp.Outcome post = http.awaitOutcome(Duration.ofSeconds(10));
            assertEquals(405, post.status(), post.received());
            assertTrue(post.received().contains("Allow: GET, HEAD"), post.received());
            assertTrue(JsonFields.parseObject(post.body()).get("error").toString().startsWith("method POST is not allowed on /api/members"));
        }
    }

    /** Prometheus' own linter accepts /metrics ({@code promtool} is in Debian's {@code prometheus} package). */
    @Test
    void metricsPassPromtoolCheckMetrics() throws Exception {
        Path promtool = Promtool.find();
        Assumptions.assumeTrue(promtool != null, "promtool is not on the PATH: apt-get install -y prometheus (Debian) to run this test");
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.monitors.get(0).scrape().contains("grid_map_operation_duration_seconds_bucket"));
        for (int member = 0; member < 3; member++) {
            HttpResponse<String> response = MonitoredCluster.get(cluster.url(member) + "metrics");
            assertEquals(200, response.statusCode());
            Promtool.Result result = Promtool.checkMetrics(promtool, response.body());
            assertEquals("", result.output(), "promtool check metrics complains about member " + member + "'s /metrics");
            assertEquals(0, result.exitCode(), result.output());
        }
    }

    @Test
    void metricsAreStrictPrometheusTextWithGridNamesInBaseUnits() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.monitors.get(1).scrape().contains("grid_map_operation_duration_seconds_bucket"));
        HttpResponse<String> response = MonitoredCluster.get(cluster.url(1) + "metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, PrometheusText.Family> families = PrometheusText.parse(response.body());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("grid_cluster_members", "gauge"),
                Map.entry("grid_cluster_partitions_owned", "gauge"),
                Map.entry("grid_cluster_migrations_in_progress", "gauge"),
                Map.entry("grid_cluster_migrations_completed_total", "counter"),
                Map.entry("grid_map_entries", "gauge"),
                Map.entry("grid_map_offheap_reserved_bytes", "gauge"),
                Map.entry("grid_map_offheap_used_bytes", "gauge"),
                Map.entry("grid_map_operations_total", "counter"),
                Map.entry("grid_map_get_hits_total", "counter"),
                Map.entry("grid_map_get_misses_total", "counter"),
                Map.entry("grid_map_operation_duration_seconds", "histogram"),
                Map.entry("grid_lock_acquires_total", "counter"),
                Map.entry("grid_lock_waits_total", "counter"),
                Map.entry("grid_cp_session_expiries_total", "counter"),
                Map.entry("grid_cp_raft_term", "gauge"),
                Map.entry("grid_cp_leader", "gauge"),
                Map.entry("grid_cp_commit_index", "gauge"),
                Map.entry("grid_cp_majority_available", "gauge"),
                Map.entry("grid_lock_oldest_hold_seconds", "gauge"),
                Map.entry("grid_txn_in_doubt", "gauge"),
                Map.entry("grid_txn_events_total", "counter"),
                Map.entry("grid_txn_duration_seconds", "histogram"),
                Map.entry("grid_offheap_budget_used_ratio", "gauge"),
                Map.entry("jvm_memory_used_bytes", "gauge"));
        expected.forEach((name, type) -> {
            PrometheusText.Family family = families.get(name);
            assertNotNull(family, "family " + name + " missing; families: " + families.keySet());
            assertEquals(type, family.type, name);
            assertFalse(family.help == null || family.help.isBlank(), name + " has no HELP");
        });
        assertTrue(families.containsKey("jvm_gc_pause_seconds") || families.keySet().stream().anyMatch(n -> n.startsWith("jvm_gc_")),
                "GC metrics: " + families.keySet());
        for (PrometheusText.Family family : families.values()) {
            if (family.type.equals("counter")) {
                assertTrue(family.name.endsWith("_total"), "counter without _total: " + family.name);
            }
            assertFalse(family.name.matches(".*_(ms|millis|milliseconds|micros|nanos|kb|mb|gb|percent)(_.*)?$"), "not a base unit: " + family.name);
            if (family.name.startsWith("grid_")) {
                for (Map<String, String> labels : family.labelSets) {
                    assertTrue(labels.size() <= 5, family.name + " has many labels: " + labels);
                }
            }
        }
        PrometheusText.Family owned = families.get("grid_cluster_partitions_owned");
        assertEquals(3, owned.samples.size());
        assertEquals(17.0, owned.samples.values().stream().mapToDouble(Double::doubleValue).sum());
        assertEquals(3.0, families.get("grid_cluster_members").samples.values().iterator().next());
        assertTrue(families.get("grid_map_operation_duration_seconds").samples.keySet().stream()
                .anyMatch(k -> k.contains("map=orders") && k.contains("op=get")), "get latency of orders");
    }
}
