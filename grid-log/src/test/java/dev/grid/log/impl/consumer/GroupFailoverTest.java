package dev.grid.log.impl.consumer;

import com.hazelcast.cluster.Address;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.GroupMemberInfo;
import dev.grid.log.impl.group.InvokerGroupClient;
import dev.grid.log.impl.group.MemberInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member running a group's coordinator is killed while three consumers (on the other members) read: the
 * committed offsets survive (they were on the backup), the consumers rejoin the new coordinator, and every record is
 * consumed at least once, also after one of the consumers dies without committing what it read (those records are
 * read again by the others: the duplicates are counted and printed).
 */
@Timeout(180)
class GroupFailoverTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);
    private static final String TOPIC = "orders";
    private static final String GROUP = "failover";
    private static final int PARTITIONS = 8;
    private static final int PER_PHASE = 8 * 200;

    private final InMemoryLog log = new InMemoryLog();

    @Test
    void committedOffsetsSurviveKillingTheCoordinatorsMemberAndEveryRecordIsConsumedAtLeastOnce() throws Exception {
        log.createTopic(TOPIC, PARTITIONS);
        int coordinatorIndex = coordinatorMember(GROUP);
        List<Grid> survivors = new ArrayList<>(CLUSTER.members());
        Grid coordinator = survivors.remove(coordinatorIndex);
        GroupClient observer = new InvokerGroupClient(new MemberInvoker(survivors.get(0)), GROUP);

        ConcurrentLinkedQueue<String> consumed = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean crash = new AtomicBoolean();
        List<DefaultLogConsumer> consumers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Grid member = survivors.get(i % 2);
            ConsumerConfig config = new ConsumerConfig(TOPIC).setGroup(GROUP).setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                    .setSessionTimeout(Duration.ofSeconds(2)).setHeartbeatInterval(Duration.ofMillis(200))
                    .setAutoCommitInterval(Duration.ofMillis(100));
            PausableGroupClient client = new PausableGroupClient(new InvokerGroupClient(new MemberInvoker(member), GROUP));
            boolean crashes = i == 2;
            DefaultLogConsumer consumer = new DefaultLogConsumer(log, client, "consumer " + i, config, GridClock.SYSTEM);
            consumers.add(consumer);
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        if (crashes && crash.get()) {
                            client.pause(true); // dies: no more heartbeats, commits or leave; what it read and did not commit is read again
                            return;
                        }
                        for (ConsumerRecord record : consumer.poll(Duration.ofMillis(100))) {
                            consumed.add(record.valueAsString());
                        }
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            }, "consumer-" + i);
            thread.start();
            threads.add(thread);
        }

        produce("before");
        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(consumed).size() >= PER_PHASE
                && sum(observer.committedOffsets(TOPIC).get()) >= PER_PHASE);
        Map<Integer, Long> beforeKill = observer.committedOffsets(TOPIC).get();

        Thread producer = new Thread(() -> produce("during"), "producer");
        producer.start();
        long killedAt = System.nanoTime();
        coordinator.hazelcast().getLifecycleService().terminate();
        Map<Integer, Long> afterKill = observer.committedOffsets(TOPIC).get(60, TimeUnit.SECONDS);
        System.out.printf("consumer groups: coordinator's member killed; committed offsets before %s, read from the new coordinator %d ms "
                + "later: %s%n", beforeKill, (System.nanoTime() - killedAt) / 1_000_000, afterKill);
        for (Map.Entry<Integer, Long> entry : beforeKill.entrySet()) {
            assertTrue(afterKill.getOrDefault(entry.getKey(), -1L) >= entry.getValue(),
                    "partition " + entry.getKey() + ": committed " + entry.getValue() + " before the kill, " + afterKill.get(entry.getKey()) + " after");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> observer.describe().get().stream().mapToInt(m -> m.assigned().size()).sum() == PARTITIONS);
        List<GroupMemberInfo> rejoined = observer.describe().get();
        System.out.printf("consumer groups: %d consumers rejoined the new coordinator, all %d partitions assigned again %d ms after the kill%n",
                rejoined.size(), PARTITIONS, (System.nanoTime() - killedAt) / 1_000_000);
        assertEquals(3, rejoined.size(), rejoined.toString());
        producer.join();
        produce("after", () -> crash.set(true)); // the third consumer dies while it reads

        Set<String> expected = new HashSet<>();
        for (String phase : List.of("before", "during", "after")) {
            for (int i = 0; i < PER_PHASE; i++) {
                expected.add(phase + "-" + i);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(consumed).containsAll(expected));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        consumers.forEach(DefaultLogConsumer::close);
        assertEquals(List.of(), List.copyOf(errors));
        int duplicates = consumed.size() - new HashSet<>(consumed).size();
        System.out.printf("consumer groups: %d records produced, %d consumed, %d duplicates (at least once across the coordinator's failover and a consumer's crash)%n",
                expected.size(), consumed.size(), duplicates);
        assertEquals(expected, new HashSet<>(consumed));
    }

    private void produce(String phase) {
        produce(phase, () -> { });
    }

    /** Appends the phase's records, spread over about 125 ms, running {@code midway} halfway. */
    private void produce(String phase, Runnable midway) {
        for (int i = 0; i < PER_PHASE; i++) {
            log.append(TOPIC, i % PARTITIONS, phase + "-" + i);
            if (i == PER_PHASE / 2) {
                midway.run();
            }
            if (i % 64 == 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static int coordinatorMember(String group) {
        NodeEngine any = EmbeddedGrid.nodeEngine(CLUSTER.member(0).hazelcast());
        Address owner = any.getPartitionService().getPartitionOwner(any.getPartitionService().getPartitionId(group));
        for (int i = 0; i < CLUSTER.members().size(); i++) {
            if (EmbeddedGrid.nodeEngine(CLUSTER.member(i).hazelcast()).getThisAddress().equals(owner)) {
                return i;
            }
        }
        throw new AssertionError("no member owns the partition of group " + group);
    }
}
