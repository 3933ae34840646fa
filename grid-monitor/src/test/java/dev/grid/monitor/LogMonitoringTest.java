package dev.grid.monitor;

import dev.grid.log.ConsumerConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.MonitoredCluster;
import dev.grid.monitor.test.PrometheusText;
import dev.grid.monitor.test.Promtool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grid-log's monitoring on two real members with monitors: a topic of 4 partitions with 100 records each, and a consumer
 * group that committed 40 records of partition 0 and all of partition 1 (lag 60, 0, 100, 100). {@code /metrics} has the
 * group's lag and committed offsets on the member that coordinates the group only; {@code /api/topics} on either member
 * shows the topic, its partitions as their owners published them and the group's lag; the counters files hold the log's
 * member totals and partitions; a group whose lag keeps growing fires the built-in log-lag-growing alert, which resolves
 * once producing stops.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LogMonitoringTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "orders";
    private static final String GROUP = "billing";
    @TempDir
    static Path data;
    private static MonitoredCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new MonitoredCluster(2, data, config -> config.getMonitor().setLagGrowthWindow(Duration.ofSeconds(1)).setLagGrowthMinimum(10));
        cluster.startMember();
        cluster.startMember();
        GridLog log = GridLog.of(cluster.members.get(0));
        log.createTopic(TOPIC, 4);
        produce(TOPIC, 4, 100);
        try (LogConsumer consumer = GridLog.of(cluster.members.get(1)).consumer(new ConsumerConfig(TOPIC).setGroup(GROUP).setAutoCommit(false))) {
            consumer.commitSync(Map.of(new TopicPartition(TOPIC, 0), 40L, new TopicPartition(TOPIC, 1), 100L));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void produce(String topic, int partitions, int perPartition) {
        try (LogProducer producer = GridLog.of(cluster.members.get(0)).producer()) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(ProducerRecord.of(topic, null, "order-" + i).toPartition(p));
                }
            }
            producer.flush();
        }
    }

    private static String address(int member) {
        return cluster.members.get(member).localMember().orElseThrow().address();
    }

    private static Map<String, PrometheusText.Family> metrics(int member) throws Exception {
        HttpResponse<String> response = MonitoredCluster.get(cluster.url(member) + "metrics");
        assertEquals(200, response.statusCode());
        return PrometheusText.parse(response.body());
    }

    private static Double sample(Map<String, PrometheusText.Family> families, String name, String labels) {
        PrometheusText.Family family = families.get(name);
        return family == null ? null : family.samples.get(name + labels);
    }

    /** @return every member's /metrics, by member index */
    private static List<Map<String, PrometheusText.Family>> everyMembersMetrics() throws Exception {
        List<Map<String, PrometheusText.Family>> all = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            all.add(metrics(m));
        }
        return all;
    }

    /** @return the members whose /metrics have the group's lag of partition 3 */
    private static List<Integer> reportingLag(List<Map<String, PrometheusText.Family>> all) {
        List<Integer> reporting = new ArrayList<>();
        for (int m = 0; m < all.size(); m++) {
            if (sample(all.get(m), "grid_log_group_lag", "{group=billing, partition=3, topic=orders}") != null) {
                reporting.add(m);
            }
        }
        return reporting;
    }

    @Test
    void metricsHaveTheGroupsLagAndCommittedOffsetsOnTheMemberThatCoordinatesItOnly() throws Exception {
        // read both members at once, until exactly one exports the group's lag (the partition table may still be settling)
        List<Map<String, PrometheusText.Family>> all = await().atMost(WAIT).until(LogMonitoringTest::everyMembersMetrics,
                every -> reportingLag(every).size() == 1 && Double.valueOf(100).equals(
                        sample(every.get(reportingLag(every).get(0)), "grid_log_group_lag", "{group=billing, partition=3, topic=orders}")));
        int coordinator = reportingLag(all).get(0);
        Map<String, PrometheusText.Family> families = all.get(coordinator);
        assertEquals(null, sample(all.get(1 - coordinator), "grid_log_group_committed_offset", "{group=billing, partition=0, topic=orders}"),
                "the other member exports none of the group's series");
        assertEquals(60.0, sample(families, "grid_log_group_lag", "{group=billing, partition=0, topic=orders}"));
        assertEquals(0.0, sample(families, "grid_log_group_lag", "{group=billing, partition=1, topic=orders}"));
        assertEquals(100.0, sample(families, "grid_log_group_lag", "{group=billing, partition=2, topic=orders}"));
        assertEquals(40.0, sample(families, "grid_log_group_committed_offset", "{group=billing, partition=0, topic=orders}"));
        assertEquals(100.0, sample(families, "grid_log_group_committed_offset", "{group=billing, partition=1, topic=orders}"));
        assertEquals(null, sample(families, "grid_log_group_committed_offset", "{group=billing, partition=2, topic=orders}"),
                "no committed offset, no series");
        assertEquals("gauge", families.get("grid_log_group_lag").type);

        double highWatermarks = 0;
        double appended = 0;
        for (int m = 0; m < 2; m++) {
            Map<String, PrometheusText.Family> member = metrics(m);
            for (int p = 0; p < 4; p++) {
                Double hw = sample(member, "grid_log_high_watermark", "{partition=" + p + ", topic=orders}");
                highWatermarks += hw == null ? 0 : hw;
            }
            assertEquals("counter", member.get("grid_log_member_appended_records_total").type);
            appended += sample(member, "grid_log_member_appended_records_total", "{}");
        }
        assertEquals(400.0, highWatermarks, "each partition reported once, by its owner");
        assertTrue(appended >= 400.0, "the members appended every record: " + appended);

        Path promtool = Promtool.find();
        if (promtool != null) {
            for (int m = 0; m < 2; m++) {
                Promtool.Result result = Promtool.checkMetrics(promtool, MonitoredCluster.get(cluster.url(m) + "metrics").body());
                assertEquals("", result.output(), "promtool check metrics complains about member " + m + "'s /metrics");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> topic(int member, String name) {
        for (Object t : (List<Object>) cluster.api(member, "api/topics").get("topics")) {
            Map<String, Object> topic = (Map<String, Object>) t;
            if (name.equals(topic.get("name"))) {
                return topic;
            }
        }
        return null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTopicsApiShowsTheTopicItsPartitionsAndTheGroupsLagFromAnyMember() {
        for (int member = 0; member < 2; member++) {
            int m = member;
            Map<String, Object> orders = await().atMost(WAIT).until(() -> topic(m, TOPIC), t -> t != null
                    && ((List<Object>) t.get("groups")).size() == 1 && ((List<Map<String, Object>>) t.get("partitions")).stream()
                    .allMatch(p -> Boolean.TRUE.equals(p.get("fromOwner"))));
            assertEquals(4L, JsonFields.num(orders, "partitionCount"));
            assertEquals(400L, JsonFields.num(orders, "records"));
            List<Map<String, Object>> partitions = (List<Map<String, Object>>) orders.get("partitions");
            assertEquals(4, partitions.size());
            Map<Long, Long> lagByPartition = new HashMap<>();
            for (Map<String, Object> p : partitions) {
                assertEquals(100L, JsonFields.num(p, "highWatermark"), p.toString());
                assertEquals(0L, JsonFields.num(p, "startOffset"));
                assertTrue(JsonFields.num(p, "sizeBytes") > 0 && JsonFields.num(p, "segments") == 1, p.toString());
                assertTrue(List.of(address(0), address(1)).contains(JsonFields.str(p, "owner")), p.toString());
                assertNotNull(p.get("recordsPerSecond"));
                lagByPartition.put(JsonFields.num(p, "partition"), JsonFields.num((Map<String, Object>) p.get("lag"), GROUP));
            }
            assertEquals(Map.of(0L, 60L, 1L, 0L, 2L, 100L, 3L, 100L), lagByPartition);
            Map<String, Object> group = ((List<Map<String, Object>>) orders.get("groups")).get(0);
            assertEquals(GROUP, group.get("group"));
            assertEquals(260L, JsonFields.num(group, "lag"));
            assertTrue(List.of(address(0), address(1)).contains(JsonFields.str(group, "coordinator")), group.toString());
        }
    }

    @Test
    void theCountersFilesHoldTheLogsMemberTotalsPartitionsAndLag() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            List<MemberCounters> files = MemberCounters.readAll(data).stream().filter(MemberCounters::live).toList();
            assertEquals(2, files.size());
            long owned = 0;
            long highWatermarks = 0;
            long lag = 0;
            for (MemberCounters file : files) {
                Map<String, Long> values = file.values();
                assertNotNull(values.get("grid_log_member_appended_records_total"), values.keySet().toString());
                assertNotNull(values.get("grid_log_member_appended_bytes_total"));
                assertNotNull(values.get("grid_log_disk_used_bytes"));
                assertNotNull(values.get("grid_log_disk_budget_bytes"));
                owned += values.getOrDefault("grid_log_replicas{role=\"owner\"}", 0L);
                for (int p = 0; p < 4; p++) {
                    highWatermarks += values.getOrDefault("grid_log_high_watermark{partition=\"" + p + "\",topic=\"orders\"}", 0L);
                }
                lag += values.getOrDefault("grid_log_group_lag{group=\"billing\",partition=\"0\",topic=\"orders\"}", 0L);
            }
            assertTrue(owned >= 4, "the members own the topic's 4 partitions (and those of other tests' topics): " + owned);
            assertEquals(400, highWatermarks, "each partition's high watermark in its owner's file");
            assertEquals(60, lag, "the group's lag in its coordinator's file");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGroupWhoseLagKeepsGrowingFiresTheAlertWhichResolvesWhenProducingStops() throws Exception {
        GridLog log = GridLog.of(cluster.members.get(0));
        log.createTopic("clicks", 1);
        produce("clicks", 1, 20);
        try (LogConsumer consumer = log.consumer(new ConsumerConfig("clicks").setGroup("analytics").setAutoCommit(false))) {
            consumer.commitSync(Map.of(new TopicPartition("clicks", 0), 0L));
        }
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> done = load.submit(() -> {
            try (LogProducer producer = GridLog.of(cluster.members.get(1)).producer()) {
                while (producing.get()) {
                    producer.send(ProducerRecord.of("clicks", null, "click-" + sent.incrementAndGet())).join();
                }
            }
            return null;
        });
        try {
            Map<String, Object> fired = await().atMost(WAIT).until(() -> alert(0, "analytics"),
                    a -> a != null && "FIRING".equals(a.get("state")));
            assertEquals("warning", fired.get("severity"));
            assertEquals(Map.of("group", "analytics", "topic", "clicks"), fired.get("labels"));
            assertTrue(List.of(address(0), address(1)).contains(JsonFields.str(fired, "scope")), "the coordinator's member: " + fired);
            assertTrue(JsonFields.dbl(fired, "value") > 0, "grew by records over the window: " + fired);
        } finally {
            producing.set(false);
            done.get(30, TimeUnit.SECONDS);
            load.shutdownNow();
        }
        Map<String, Object> resolved = await().atMost(WAIT).until(() -> alert(1, "analytics"), a -> a != null && "RESOLVED".equals(a.get("state")));
        assertTrue(JsonFields.num(resolved, "resolvedAt") >= JsonFields.num(resolved, "firedAt"), resolved.toString());
        assertTrue(alert(0, GROUP) == null, "the billing group's lag does not grow: no alert");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(int member, String group) {
        for (Object a : (List<Object>) cluster.api(member, "api/alerts").get("alerts")) {
            Map<String, Object> alert = (Map<String, Object>) a;
            if ("log-lag-growing".equals(alert.get("rule")) && group.equals(((Map<String, Object>) alert.get("labels")).get("group"))) {
                return alert;
            }
        }
        return null;
    }
}
