package dev.grid.monitor.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.sun.net.httpserver.HttpServer;
import dev.grid.core.Grid;
import dev.grid.core.GridCounters;
import dev.grid.core.GridEvent;
import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridMonitorConfig;
import dev.grid.core.test.GoldenFiles;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.ManualClock;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.alerts.AlertEvaluator;
import dev.grid.monitor.impl.cluster.DistributedLog;
import dev.grid.monitor.impl.cluster.MemberViews;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.cluster.TransactionMonitor;
import dev.grid.monitor.impl.counters.CountersFile;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.monitor.impl.metrics.MonitorInstruments;
import dev.grid.monitor.impl.metrics.Series;
import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.TxnEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JSON the monitor keeps in the cluster (alerts, transaction records, heuristic outcomes, log entries) and
 * POSTs to the alert webhook, written from fixed inputs (a fixed clock, events with fixed times) by the real
 * classes on one member, compared with golden files; and read back into the API's records. A member's view
 * depends on the JVM (heap, off-heap sizes), so its golden file holds its shape: names, order and JSON types.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StoredRecordsGoldenTest {
    private static final long T0 = 1_764_151_234_567L;
    private static final String SELF = "127.0.0.1:5701";

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(17);

    private static Grid member;

    @BeforeAll
    static void member() {
        member = CLUSTER.member(0);
    }

    @Test
    void shouldKeepAndPostAlertsAsTheGoldenFiles() throws Exception {
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            GridMonitorConfig config = new GridMonitorConfig().setDefaultRules(false).setEvaluationInterval(Duration.ofMillis(1))
                    .setWebhook("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook")
                    .addAlert(new GridAlertRule("members-missing", "grid_cluster_members_missing", ">", 0).setSeverity("critical")
                            .setSummary("a member left"))
                    .addAlert(new GridAlertRule("orders-offheap-high", "grid_map_offheap_used_bytes{map=\"orders\"}", ">", 8e9)
                            .setSummary("orders uses > 8 GB & more off-heap <on a member>"));
            ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
            AlertEvaluator evaluator = new AlertEvaluator(member.hazelcast(), config, SELF, () -> true, () -> Set.of(SELF), clock,
                    member.events());
            evaluator.evaluate(List.of(series("grid_cluster_members_missing", Map.of(), 1), series("grid_map_offheap_used_bytes",
                    Map.of("map", "orders"), 8.5e9), series("grid_map_offheap_used_bytes", Map.of("map", "sessions"), 9e9)));
            GoldenFiles.assertMatches("stored-alerts-firing.txt", byKey(member.hazelcast().getMap(Structures.ALERTS)));

            clock.advance(Duration.ofMillis(2_500));
            evaluator.evaluate(List.of(series("grid_cluster_members_missing", Map.of(), 0), series("grid_map_offheap_used_bytes",
                    Map.of("map", "orders"), 8.75e9)));
            GoldenFiles.assertMatches("stored-alerts-one-resolved.txt", byKey(member.hazelcast().getMap(Structures.ALERTS)));

            await().atMost(Duration.ofSeconds(20)).until(() -> posts.size() >= 3);
            List<String> sorted = new ArrayList<>(posts);
            sorted.sort(null);
            GoldenFiles.assertMatches("alert-webhook-posts.txt", String.join("\n", sorted) + "\n");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void shouldKeepTransactionRecordsAsTheGoldenFileAndReadThemBack() {
        HazelcastInstance hz = member.hazelcast();
        try (TransactionMonitor monitor = new TransactionMonitor(hz, SELF, Duration.ofMinutes(5), new ManualClock(Instant.ofEpochMilli(T0 + 60_000)), null,
                GridCounters.NONE)) {
            monitor.onEvent(new TxnEvent.Began(T0, "tx-1", "shop-app-1", List.of("gridmap:stock", "jdbc:orders"), 30));
            monitor.onEvent(new TxnEvent.Enlisted(T0 + 10, "tx-1", null, List.of("hz:queue:shipments"), "hz:queue:shipments"));
            monitor.onEvent(new TxnEvent.Prepared(T0 + 20, "tx-1", null, List.of(), 20));
            monitor.onEvent(new TxnEvent.Began(T0 + 30, "tx-2", "shop-app-2", List.of(), 30));
            monitor.onEvent(new TxnEvent.TimedOut(T0 + 40, "tx-2", null, List.of(), 10, 30));
            monitor.onEvent(new TxnEvent.Heuristic(T0 + 50, "tx-3", "shop-app-1", List.of("jdbc:orders"), GridHeuristicException.Outcome.MIXED,
                    null, "transaction tx-3: heuristic MIXED"));
            IMap<String, String> heuristics = hz.getMap(Structures.HEURISTICS);
            await().atMost(Duration.ofSeconds(20)).until(() -> heuristics.containsKey("tx-3"));

            GoldenFiles.assertMatches("stored-transactions.txt", byKey(hz.getMap(Structures.TRANSACTIONS)));
            GoldenFiles.assertMatches("stored-heuristics.txt", byKey(heuristics));
            assertEquals(List.of(new MonitoredTransaction("tx-1", "PREPARED", "shop-app-1", List.of("gridmap:stock", "jdbc:orders",
                    "hz:queue:shipments"), T0, T0 + 20, SELF), new MonitoredTransaction("tx-2", "TIMED_OUT", "shop-app-2", List.of(), T0 + 30,
                    0, SELF)), monitor.inFlight());
            assertEquals(List.of(new HeuristicOutcome("tx-3", "MIXED", "shop-app-1", List.of("jdbc:orders"), T0 + 50, SELF)),
                    monitor.heuristics());
        }
    }

    @Test
    void shouldShipLogEntriesAsTheGoldenFileAndReadThemBack() throws Exception {
        HazelcastInstance hz = member.hazelcast();
        Ringbuffer<String> ring = hz.getRingbuffer(Structures.LOG);
        long before = ring.tailSequence();
        try (DistributedLog log = new DistributedLog(hz, SELF, false)) {
            log.onEvent(new TestEvent("txn.heuristic", GridEvent.Severity.ERROR, T0,
                    "outcome <HEURISTIC_MIXED> & \"quoted\"\n\tsecond line \\ é \u2028 \u0001", Map.of("txId", "tx-3")));
            await().atMost(Duration.ofSeconds(20)).until(() -> ring.tailSequence() > before);
            GoldenFiles.assertMatches("stored-log-entry.json", ring.readOne(ring.tailSequence()) + "\n");
            LogEntry entry = log.read(1, e -> true, 10).get(0);
            assertEquals(new LogEntry(ring.tailSequence(), T0, SELF, "ERROR", "txn.heuristic",
                    "outcome <HEURISTIC_MIXED> & \"quoted\"\n\tsecond line \\ é \u2028 \u0001 {txId=tx-3}"), entry);
        }
    }

    @Test
    void shouldPublishMemberViewsOfTheGoldenShape(@TempDir Path dir) {
        member.<String, String>map("orders").set("order-1", "2 x coffee");
        GridLog log = GridLog.of(member);
        log.createTopic("shipments", 1);
        try (LogProducer producer = log.producer()) {
            producer.send(ProducerRecord.of("shipments", "order-1", "shipped")).join();
        }
        try (LogConsumer consumer = log.consumer(new ConsumerConfig("shipments").setGroup("couriers").setAutoCommit(false))) {
            consumer.commitSync(Map.of(new TopicPartition("shipments", 0), 0L));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !log.localStats().groupLags().isEmpty());
        try (CountersFile counters = CountersFile.create(dir.resolve("member.counters"), "golden", 64, GridClock.SYSTEM)) {
            MemberViews views = new MemberViews(member.hazelcast(), member.localMember().orElseThrow(), new MonitorInstruments(counters),
                    () -> "http://127.0.0.1:7070/", 1000, GridClock.SYSTEM, log::localStats);
            GoldenFiles.assertMatches("stored-member-view-shape.json", MonitorJson.write(shape(MonitorJson.read(MonitorJson.write(views.view(17, true)), Map.class))) + "\n");
        }
    }

    /** @return the value with every number, string and boolean replaced by its JSON type: the shape of a document */
    private static Object shape(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            map.forEach((key, v) -> shaped.put(String.valueOf(key), shape(v)));
            return shaped;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StoredRecordsGoldenTest::shape).toList();
        }
        return value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : value == null ? null : "string";
    }

    private static Series series(String name, Map<String, String> labels, double value) {
        return new Series(name, labels, value, false, "help");
    }

    /** An event of any kind, as a module outside grid's own might publish one. */
    private record TestEvent(String type, Severity severity, long timeMillis, String message, Map<String, String> attributes)
            implements GridEvent {
    }

    /** @return the map's entries, one {@code key value} line each, sorted by key */
    private static String byKey(IMap<String, String> map) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(map).forEach((key, value) -> out.append(key).append(' ').append(value).append('\n'));
        return out.toString();
    }
}
