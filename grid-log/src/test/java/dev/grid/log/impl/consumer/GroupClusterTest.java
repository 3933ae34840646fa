package dev.grid.log.impl.consumer;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.NotAssignedException;
import dev.grid.log.PartitionLag;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupMemberInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Consumer groups on three real members: the group service coordinates, grid-log's partitions hold the records. */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung join is not interruptible
class GroupClusterTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GroupClusters.members(3);
    private static final Duration SESSION = Duration.ofSeconds(2);

    private final List<LogConsumer> consumers = new ArrayList<>();
    private final List<ConsumerRecord> received = new ArrayList<>();

    @AfterEach
    void close() {
        consumers.forEach(LogConsumer::close);
    }

    private static ConsumerConfig config(String topic, String group) {
        return new ConsumerConfig(topic).setGroup(group).setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                .setSessionTimeout(SESSION).setHeartbeatInterval(Duration.ofMillis(200)).setAutoCommitInterval(Duration.ofMillis(200));
    }

    private LogConsumer consumer(Grid grid, ConsumerConfig config) {
        LogConsumer consumer = GridLog.of(grid).consumer(config);
        consumers.add(consumer);
        return consumer;
    }

    /** Polls each consumer in turn until the condition holds; no partition is ever assigned to two of them. */
    private void pollUntil(List<LogConsumer> polled, BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; assignments: " + polled.stream().map(LogConsumer::assignment).toList());
            }
            for (LogConsumer consumer : polled) {
                received.addAll(consumer.poll(Duration.ofMillis(20)));
            }
            Set<TopicPartition> seen = new HashSet<>();
            for (LogConsumer consumer : polled) {
                for (TopicPartition partition : consumer.assignment()) {
                    assertTrue(seen.add(partition), partition + " assigned to two consumers");
                }
            }
        }
    }

    private static List<Integer> sizes(List<LogConsumer> consumers) {
        return consumers.stream().map(c -> c.assignment().size()).sorted().toList();
    }

    private static void produce(Grid grid, String topic, int records) {
        try (LogProducer producer = GridLog.of(grid).producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(ProducerRecord.of(topic, "k" + i, "v" + i)));
            }
            CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).join();
        }
    }

    @Test
    void threeConsumersOnThreeMembersSplitEightPartitionsAndReadEveryRecordOnce() throws Exception {
        GridLog log = GridLog.of(CLUSTER.member(0));
        log.createTopic("split", 8);
        List<LogConsumer> group = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            group.add(consumer(CLUSTER.member(i), config("split", "split")));
        }
        pollUntil(group, () -> sizes(group).equals(List.of(2, 3, 3)), Duration.ofSeconds(20), "3, 3 and 2 partitions");

        produce(CLUSTER.member(1), "split", 400);
        pollUntil(group, () -> received.size() >= 400, Duration.ofSeconds(30), "every record is read");
        assertEquals(400, received.stream().map(ConsumerRecord::valueAsString).distinct().count());
        assertEquals(400, received.size(), "no record twice");

        group.forEach(LogConsumer::commitSync);
        List<PartitionLag> lag = GridLog.of(CLUSTER.member(2)).lag("split", "split");
        assertEquals(8, lag.size());
        assertEquals(400, lag.stream().mapToLong(PartitionLag::highWatermark).sum());
        for (PartitionLag partition : lag) {
            assertEquals(partition.highWatermark(), partition.committedOffset(), partition.toString());
            assertEquals(0, partition.lag(), partition.toString());
        }

        List<GroupMemberInfo> described = GroupClusters.group(CLUSTER.member(1), "split").describe().get(30, TimeUnit.SECONDS);
        assertEquals(3, described.size());
        Set<TopicPartition> all = new TreeSet<>();
        described.forEach(m -> all.addAll(m.assigned()));
        assertEquals(8, all.size(), "the coordinator has every partition assigned: " + described);
    }

    @Test
    void aConsumerThatStopsHeartbeatingLosesItsPartitionsWithinTheSessionTimeout() {
        GridLog.of(CLUSTER.member(0)).createTopic("expiry", 8);
        PausableGroupClient stopping = new PausableGroupClient(GroupClusters.group(CLUSTER.member(0), "expiry"));
        DefaultLogConsumer silent = new DefaultLogConsumer(GridLog.of(CLUSTER.member(0)), stopping, "silent", config("expiry", "expiry"),
                GridClock.SYSTEM);
        consumers.add(silent);
        List<LogConsumer> others = List.of(consumer(CLUSTER.member(1), config("expiry", "expiry")),
                consumer(CLUSTER.member(2), config("expiry", "expiry")));
        List<LogConsumer> all = List.of(silent, others.get(0), others.get(1));
        pollUntil(all, () -> sizes(all).equals(List.of(2, 3, 3)), Duration.ofSeconds(20), "3, 3 and 2 partitions");
        Set<TopicPartition> silentHad = silent.assignment();

        long stoppedAt = System.nanoTime();
        stopping.pause(true);
        pollUntil(others, () -> others.get(0).assignment().size() + others.get(1).assignment().size() == 8, Duration.ofSeconds(30),
                "the others own all 8");
        long movedMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
        System.out.printf("consumer groups: partitions %s of a consumer that stopped heartbeating moved after %d ms (session timeout %d ms)%n",
                silentHad, movedMillis, SESSION.toMillis());
        assertTrue(silent.assignment().isEmpty(), "the silent consumer stopped reading");
        assertTrue(movedMillis <= SESSION.toMillis() + 1_000, "moved after " + movedMillis + " ms");
        assertEquals(List.of(4, 4), sizes(others));
    }

    @Test
    void aConsumerOnAClientIsAMemberOfTheGroupLikeAnyOther() {
        GridLog.of(CLUSTER.member(0)).createTopic("clients", 4);
        LogConsumer onClient = consumer(CLUSTER.client(), config("clients", "clients"));
        LogConsumer onMember = consumer(CLUSTER.member(2), config("clients", "clients"));
        List<LogConsumer> both = List.of(onClient, onMember);
        pollUntil(both, () -> sizes(both).equals(List.of(2, 2)), Duration.ofSeconds(20), "2 and 2 partitions");

        produce(CLUSTER.member(0), "clients", 100);
        pollUntil(both, () -> received.size() >= 100, Duration.ofSeconds(30), "every record is read");
        TopicPartition ofTheMember = onMember.assignment().iterator().next();
        NotAssignedException refused = assertThrows(NotAssignedException.class, () -> onClient.commitSync(Map.of(ofTheMember, 0L)));
        assertTrue(refused.getMessage().contains(ofTheMember.toString()), refused.getMessage());
        onClient.commitSync();
        long lagged = GridLog.of(CLUSTER.client()).lag("clients", "clients").stream().mapToLong(PartitionLag::lag).sum();
        assertTrue(lagged <= 100, "lag read from a client: " + lagged);
        onClient.close();
        pollUntil(List.of(onMember), () -> onMember.assignment().size() == 4, Duration.ofSeconds(10),
                "the client's consumer left: its partitions move at once");
    }
}
