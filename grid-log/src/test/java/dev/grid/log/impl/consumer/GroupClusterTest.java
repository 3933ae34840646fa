package dev.grid.log.impl.consumer;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.GroupMemberInfo;
import dev.grid.log.impl.group.InvokerGroupClient;
import dev.grid.log.impl.group.MemberInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Consumer groups coordinated by the group service of three real members (the records come from an in-memory log). */
@Timeout(120)
class GroupClusterTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);
    private static final String TOPIC = "orders";
    private static final Duration SESSION = Duration.ofSeconds(2);

    private final InMemoryLog log = new InMemoryLog();
    private final List<DefaultLogConsumer> consumers = new ArrayList<>();

    @AfterEach
    void close() {
        consumers.forEach(DefaultLogConsumer::close);
    }

    private ConsumerConfig config(String group) {
        return new ConsumerConfig(TOPIC).setGroup(group).setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                .setSessionTimeout(SESSION).setHeartbeatInterval(Duration.ofMillis(200)).setAutoCommitInterval(Duration.ofMillis(200));
    }

    private static GroupClient groupClient(Grid member, String group) {
        return new InvokerGroupClient(new MemberInvoker(member), group);
    }

    private DefaultLogConsumer consumer(GroupClient client, String label, ConsumerConfig config) {
        DefaultLogConsumer consumer = new DefaultLogConsumer(log, client, label, config, GridClock.SYSTEM);
        consumers.add(consumer);
        return consumer;
    }

    private void pollUntil(List<DefaultLogConsumer> polled, BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; assignments: " + polled.stream().map(DefaultLogConsumer::assignment).toList());
            }
            for (DefaultLogConsumer consumer : polled) {
                consumer.poll(Duration.ofMillis(20));
            }
            Set<TopicPartition> seen = new HashSet<>();
            for (DefaultLogConsumer consumer : polled) {
                for (TopicPartition partition : consumer.assignment()) {
                    assertTrue(seen.add(partition), partition + " assigned to two consumers");
                }
            }
        }
    }

    private static List<Integer> sizes(List<DefaultLogConsumer> consumers) {
        return consumers.stream().map(c -> c.assignment().size()).sorted().toList();
    }

    @Test
    void threeConsumersOnThreeMembersSplitEightPartitions() throws Exception {
        log.createTopic(TOPIC, 8);
        List<DefaultLogConsumer> group = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            group.add(consumer(groupClient(CLUSTER.member(i), "split"), "consumer on member " + i, config("split")));
        }
        pollUntil(group, () -> sizes(group).equals(List.of(2, 3, 3)), Duration.ofSeconds(20), "3, 3 and 2 partitions");

        List<GroupMemberInfo> described = groupClient(CLUSTER.member(1), "split").describe().get();
        assertEquals(3, described.size());
        Set<TopicPartition> all = new TreeSet<>();
        described.forEach(m -> all.addAll(m.assigned()));
        assertEquals(8, all.size(), "the coordinator has every partition assigned: " + described);
        assertTrue(described.stream().anyMatch(m -> m.label().equals("consumer on member 2")), described.toString());
    }

    @Test
    void aConsumerThatStopsHeartbeatingLosesItsPartitionsWithinTheSessionTimeout() {
        log.createTopic(TOPIC, 8);
        PausableGroupClient stopping = new PausableGroupClient(groupClient(CLUSTER.member(0), "expiry"));
        DefaultLogConsumer silent = consumer(stopping, "silent", config("expiry"));
        List<DefaultLogConsumer> others = List.of(consumer(groupClient(CLUSTER.member(1), "expiry"), "b", config("expiry")),
                consumer(groupClient(CLUSTER.member(2), "expiry"), "c", config("expiry")));
        List<DefaultLogConsumer> all = List.of(silent, others.get(0), others.get(1));
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
}
