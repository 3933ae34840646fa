package dev.grid.log.impl.consumer;

import dev.grid.core.config.GridClock;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.NotAssignedException;
import dev.grid.log.PartitionLag;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupLag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Consumers in a group, over the in-memory log and an in-memory coordinator. */
@Timeout(60)
class GroupConsumerTest {
    private static final String TOPIC = "orders";
    private static final int PARTITIONS = 8;

    private InMemoryLog log;
    private InMemoryGroupClient coordinator;
    private final List<DefaultLogConsumer> consumers = new ArrayList<>();
    private final Map<DefaultLogConsumer, List<ConsumerRecord>> received = new HashMap<>();

    @BeforeEach
    void setUp() {
        log = new InMemoryLog();
        log.createTopic(TOPIC, PARTITIONS);
        coordinator = new InMemoryGroupClient("g");
    }

    @AfterEach
    void tearDown() {
        for (DefaultLogConsumer consumer : consumers) {
            try {
                consumer.close();
            } catch (RuntimeException ignored) {
                // closed by the test
            }
        }
        coordinator.close();
    }

    private ConsumerConfig config() {
        return new ConsumerConfig(TOPIC).setGroup("g").setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                .setSessionTimeout(Duration.ofMillis(1_000)).setHeartbeatInterval(Duration.ofMillis(100))
                .setAutoCommitInterval(Duration.ofMillis(100));
    }

    private DefaultLogConsumer consumer(ConsumerConfig config) {
        DefaultLogConsumer consumer = new DefaultLogConsumer(log, coordinator.client(), "c" + consumers.size(), config, GridClock.SYSTEM);
        consumers.add(consumer);
        received.put(consumer, new ArrayList<>());
        return consumer;
    }

    /** Polls each of the consumers in turn (50 ms each) until the condition holds, checking no two are assigned a partition at once. */
    private void pollUntil(List<DefaultLogConsumer> polled, BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; assignments: " + assignments());
            }
            for (DefaultLogConsumer consumer : polled) {
                received.get(consumer).addAll(consumer.poll(Duration.ofMillis(50)));
                checkNoPartitionAssignedTwice();
            }
        }
    }

    private Map<String, Set<TopicPartition>> assignments() {
        Map<String, Set<TopicPartition>> all = new HashMap<>();
        for (DefaultLogConsumer consumer : consumers) {
            try {
                all.put(consumer.memberId(), new TreeSet<>(consumer.assignment()));
            } catch (IllegalStateException closed) {
                // closed
            }
        }
        return all;
    }

    private void checkNoPartitionAssignedTwice() {
        Set<TopicPartition> seen = new HashSet<>();
        assignments().forEach((member, partitions) -> {
            for (TopicPartition partition : partitions) {
                if (!seen.add(partition)) {
                    fail(partition + " is assigned to two consumers: " + assignments());
                }
            }
        });
    }

    private void produce(int perPartition, String prefix) {
        for (int i = 0; i < perPartition; i++) {
            for (int p = 0; p < PARTITIONS; p++) {
                log.append(TOPIC, p, prefix + "-" + p + "-" + i);
            }
        }
    }

    @Test
    void aSecondMemberGetsHalfOnceTheFirstHasReleasedIt() {
        DefaultLogConsumer a = consumer(config());
        assertNotNull(a.memberId());
        assertEquals(PARTITIONS, a.assignment().size(), "the first member gets every partition when it joins");
        DefaultLogConsumer b = consumer(config());
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10), "4 and 4");
    }

    @Test
    void aGracefulRebalanceDeliversEveryRecordExactlyOnce() {
        DefaultLogConsumer a = consumer(config());
        produce(20, "first");
        pollUntil(List.of(a), () -> received.get(a).size() >= 40, Duration.ofSeconds(10), "a reads some");
        DefaultLogConsumer b = consumer(config());
        produce(20, "second");
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10), "rebalanced");
        produce(20, "third");
        pollUntil(List.of(a, b), () -> received.get(a).size() + received.get(b).size() >= 8 * 60, Duration.ofSeconds(10), "all read");
        a.close();
        produce(20, "fourth");
        pollUntil(List.of(b), () -> received.get(a).size() + received.get(b).size() >= 8 * 80, Duration.ofSeconds(10), "b reads the rest");

        List<String> values = new ArrayList<>();
        received.values().forEach(records -> records.forEach(r -> values.add(r.valueAsString())));
        assertEquals(8 * 80, values.size(), "no record twice after a graceful rebalance (commit on revocation and on close)");
        assertEquals(8 * 80, new HashSet<>(values).size());
    }

    @Test
    void committingAPartitionNotAssignedIsRefusedNamingIt() {
        DefaultLogConsumer a = consumer(config());
        DefaultLogConsumer b = consumer(config());
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10), "4 and 4");
        TopicPartition ofB = b.assignment().iterator().next();
        NotAssignedException refused = assertThrows(NotAssignedException.class, () -> a.commitSync(Map.of(ofB, 0L)));
        assertTrue(refused.getMessage().contains(ofB.toString()) && refused.getMessage().contains(a.memberId()), refused.getMessage());
        b.commitSync(Map.of(ofB, 0L));
        assertEquals(0L, coordinator.committed().get(ofB));
    }

    @Test
    void aConsumerCutOffFencesItselfAndItsPartitionsMoveWithinTheSessionTimeout() {
        DefaultLogConsumer a = consumer(config());
        DefaultLogConsumer b = consumer(config());
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10), "4 and 4");
        long cutAt = System.nanoTime();
        coordinator.cut(a.memberId(), true);
        pollUntil(List.of(a, b), () -> b.assignment().size() == PARTITIONS, Duration.ofSeconds(5), "b gets everything");
        long movedMillis = (System.nanoTime() - cutAt) / 1_000_000;
        assertTrue(a.assignment().isEmpty(), "a stopped reading: " + a.assignment());
        assertTrue(movedMillis < 1_000 + 1_000, "partitions moved " + movedMillis + " ms after the cut");

        coordinator.cut(a.memberId(), false);
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10),
                "a rejoins and gets its share back");
    }

    @Test
    void aConsumerThatStopsPollingLeavesAndRejoinsOnItsNextPoll() {
        DefaultLogConsumer a = consumer(config());
        DefaultLogConsumer b = consumer(config());
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10), "4 and 4");
        pollUntil(List.of(b), () -> coordinator.holders().values().stream().allMatch(b.memberId()::equals)
                && b.assignment().size() == PARTITIONS, Duration.ofSeconds(5), "b gets a's partitions while a does not poll");
        pollUntil(List.of(a, b), () -> a.assignment().size() == 4 && b.assignment().size() == 4, Duration.ofSeconds(10),
                "a polls again, rejoins and gets its share back");
    }

    @Test
    void lagIsCommittedAgainstHighWatermark() throws Exception {
        produce(10, "x");
        DefaultLogConsumer a = consumer(config().setAutoCommit(false));
        a.commitSync(Map.of(new TopicPartition(TOPIC, 0), 4L, new TopicPartition(TOPIC, 1), 10L));
        List<PartitionLag> lag = GroupLag.lag(log, coordinator.client(), TOPIC).get();
        assertEquals(PARTITIONS, lag.size());
        assertEquals(new PartitionLag(TOPIC, 0, 4, 10, 6), lag.get(0));
        assertEquals(new PartitionLag(TOPIC, 1, 10, 10, 0), lag.get(1));
        assertEquals(new PartitionLag(TOPIC, 2, -1, 10, 10), lag.get(2));
        log.truncate(TOPIC, 0, 7);
        assertEquals(new PartitionLag(TOPIC, 0, 4, 10, 3), GroupLag.lag(log, coordinator.client(), TOPIC).get().get(0),
                "a committed offset retention has passed counts from the start offset");
    }
}
