package dev.grid.log;

import com.hazelcast.cluster.Member;
import dev.grid.core.Grid;
import dev.grid.core.MetricsCollector;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GridLog#localStats()} and the metrics built on it, on three members and a client: each partition is reported by its
 * owner only, each consumer group's lag by the member that owns the group's cluster partition only, with the lag
 * {@link GridLog#lag} gives; a deleted topic's lag goes away.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalLogStatsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.members(3).withClient();

    private static List<LocalLogStats> everyMember() {
        List<LocalLogStats> stats = new ArrayList<>();
        for (Grid member : CLUSTER.members()) {
            stats.add(GridLog.of(member).localStats());
        }
        return stats;
    }

    private static void produce(String topic, int partitions, int perPartition) {
        try (LogProducer producer = GridLog.of(CLUSTER.member(0)).producer()) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(ProducerRecord.of(topic, null, "record-" + i).toPartition(p));
                }
            }
            producer.flush();
        }
    }

    @Test
    void eachPartitionIsReportedByItsOwnerOnlyWithWhatItAppended() {
        GridLog log = GridLog.of(CLUSTER.member(0));
        log.createTopic("stats-owned", 4);
        long appendedBefore = everyMember().stream().mapToLong(LocalLogStats::appendedRecords).sum();
        produce("stats-owned", 4, 10);

        TopicDescription described = log.describeTopic("stats-owned");
        Map<Integer, String> reportedBy = new TreeMap<>();
        long appended = 0;
        for (int m = 0; m < 3; m++) {
            LocalLogStats stats = GridLog.of(CLUSTER.member(m)).localStats();
            String address = CLUSTER.member(m).localMember().orElseThrow().address();
            for (PartitionStats p : stats.partitions()) {
                if (p.topic().equals("stats-owned")) {
                    assertEquals(null, reportedBy.put(p.partition(), address), "partition " + p.partition() + " reported twice");
                    assertEquals(10, p.highWatermark());
                    assertEquals(10, p.appendedRecords());
                    assertTrue(p.appendedBytes() > 10 * "record-0".length(), p.toString());
                    assertTrue(p.sizeBytes() > 0 && p.segments() == 1, p.toString());
                }
            }
            appended += stats.appendedRecords();
            assertEquals(stats.partitions().size(), stats.ownedReplicas());
        }
        assertEquals(4, reportedBy.size(), reportedBy.toString());
        for (PartitionInfo info : described.partitions()) {
            assertEquals(info.owner(), reportedBy.get(info.partition()), "partition " + info.partition() + " is reported by its owner");
        }
        assertEquals(40, appended - appendedBefore, "the members' totals count every record appended once");
    }

    @Test
    void aGroupsLagIsReportedByItsCoordinatorsMemberOnly() {
        GridLog log = GridLog.of(CLUSTER.member(1));
        log.createTopic("stats-lag", 4);
        produce("stats-lag", 4, 10);
        try (LogConsumer consumer = log.consumer(new ConsumerConfig("stats-lag").setGroup("stats-readers").setAutoCommit(false))) {
            consumer.commitSync(Map.of(new TopicPartition("stats-lag", 0), 4L, new TopicPartition("stats-lag", 1), 10L));
        }
        List<GroupPartitionLag> expected = List.of(new GroupPartitionLag("stats-readers", "stats-lag", 0, 4, 10, 6),
                new GroupPartitionLag("stats-readers", "stats-lag", 1, 10, 10, 0), new GroupPartitionLag("stats-readers", "stats-lag", 2, -1, 10, 10),
                new GroupPartitionLag("stats-readers", "stats-lag", 3, -1, 10, 10));
        assertEquals(List.of(6L, 0L, 10L, 10L), log.lag("stats-readers", "stats-lag").stream().map(PartitionLag::lag).toList());

        // every member's stats read together, until exactly one reports the group, with the lag GridLog.lag gives: the
        // member that owns the group's cluster partition
        await().atMost(WAIT).until(() -> List.of(lags(0, "stats-readers"), lags(1, "stats-readers"), lags(2, "stats-readers")),
                all -> all.stream().filter(l -> !l.isEmpty()).count() == 1 && all.contains(expected)
                        && all.indexOf(expected) == groupPartitionOwner("stats-readers"));

        // the metrics of the same member (read until it has them: in case the group's partition moved meanwhile)
        Map<String, Double> metrics = await().atMost(WAIT).until(() -> metrics(CLUSTER.member(Math.max(0, groupPartitionOwner("stats-readers"))),
                "stats-readers"), m -> m.size() == 6);
        assertEquals(6.0, metrics.get("grid_log_group_lag/0"), metrics.toString());
        assertEquals(0.0, metrics.get("grid_log_group_lag/1"));
        assertEquals(10.0, metrics.get("grid_log_group_lag/2"));
        assertEquals(4.0, metrics.get("grid_log_group_committed_offset/0"));
        assertEquals(10.0, metrics.get("grid_log_group_committed_offset/1"));
        assertEquals(null, metrics.get("grid_log_group_committed_offset/2"), "no committed offset: no series");

        log.deleteTopic("stats-lag");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(), reporting("stats-readers"),
                "the group's record stays, but a deleted topic has no lag"));
    }

    /** @return the index of the member that owns the cluster partition the group's name hashes to, -1 if none */
    private static int groupPartitionOwner(String group) {
        Member owner = CLUSTER.member(0).hazelcast().getPartitionService().getPartition(group).getOwner();
        for (int m = 0; owner != null && m < 3; m++) {
            if (CLUSTER.member(m).localMember().orElseThrow().id().equals(owner.getUuid())) {
                return m;
            }
        }
        return -1;
    }

    @Test
    void aClientHasNoLocalStats() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> GridLog.of(CLUSTER.client()).localStats());
        assertTrue(e.getMessage().contains("/api/topics"), e.getMessage());
    }

    private static List<Integer> reporting(String group) {
        List<Integer> members = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            if (!lags(m, group).isEmpty()) {
                members.add(m);
            }
        }
        return members;
    }

    private static List<GroupPartitionLag> lags(int member, String group) {
        return GridLog.of(CLUSTER.member(member)).localStats().groupLags().stream().filter(l -> l.group().equals(group)).toList();
    }

    private static Map<String, Double> metrics(Grid member, String group) {
        Map<String, Double> seen = new TreeMap<>();
        member.metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                gauge(name, help, labels, value);
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                if (group.equals(labels.get("group"))) {
                    seen.put(name + "/" + labels.get("partition"), value);
                }
            }
        });
        return seen;
    }
}
