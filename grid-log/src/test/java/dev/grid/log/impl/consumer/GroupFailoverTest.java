package dev.grid.log.impl.consumer;

import com.hazelcast.cluster.Address;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.GroupMemberInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member running a group's coordinator (and owning some of the topic's partitions) is killed while three
 * consumers on the other members read and a producer writes: the committed offsets survive (they were on the backup),
 * the consumers rejoin the new coordinator, and every acknowledged record is consumed at least once, also after one of
 * the consumers dies without committing what it read (those records are read again by the others: the duplicates are
 * counted and printed).
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung join is not interruptible
class GroupFailoverTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GroupClusters.members(3);
    private static final String TOPIC = "orders";
    private static final String GROUP = "failover";
    private static final int PARTITIONS = 8;
    private static final int PER_PHASE = 8 * 200;

    @Test
    void committedOffsetsSurviveKillingTheCoordinatorsMemberAndEveryRecordIsConsumedAtLeastOnce() throws Exception {
        int coordinatorIndex = coordinatorMember(GROUP);
        List<Grid> survivors = new ArrayList<>(CLUSTER.members());
        Grid coordinator = survivors.remove(coordinatorIndex);
        GridLog.of(survivors.get(0)).createTopic(TOPIC, PARTITIONS);
        GroupClient observer = GroupClusters.group(survivors.get(0), GROUP);

        ConcurrentLinkedQueue<String> consumed = new ConcurrentLinkedQueue<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean crash = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<DefaultLogConsumer> consumers = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 3; i++) {
            Grid member = survivors.get(i % 2);
            ConsumerConfig config = new ConsumerConfig(TOPIC).setGroup(GROUP).setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                    .setSessionTimeout(Duration.ofSeconds(2)).setHeartbeatInterval(Duration.ofMillis(200))
                    .setAutoCommitInterval(Duration.ofMillis(100));
            PausableGroupClient client = new PausableGroupClient(GroupClusters.group(member, GROUP));
            boolean crashes = i == 2;
            DefaultLogConsumer consumer = new DefaultLogConsumer(GridLog.of(member), client, "consumer " + i, config, GridClock.SYSTEM);
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

        try (LogProducer producer = GridLog.of(survivors.get(1)).producer()) {
            produce(producer, "before", acknowledged, () -> { });
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed.containsAll(acknowledged)
                    && sum(observer.committedOffsets(TOPIC).get()) >= PER_PHASE);
            Map<Integer, Long> beforeKill = observer.committedOffsets(TOPIC).get();

            Thread during = new Thread(() -> produce(producer, "during", acknowledged, () -> { }), "producer");
            during.start();
            long killedAt = System.nanoTime();
            coordinator.hazelcast().getLifecycleService().terminate();
            Map<Integer, Long> afterKill = observer.committedOffsets(TOPIC).get(60, TimeUnit.SECONDS);
            System.out.printf("consumer groups: coordinator's member killed; committed offsets before %s, read from the new coordinator "
                    + "%d ms later: %s%n", beforeKill, (System.nanoTime() - killedAt) / 1_000_000, afterKill);
            for (Map.Entry<Integer, Long> entry : beforeKill.entrySet()) {
                assertTrue(afterKill.getOrDefault(entry.getKey(), -1L) >= entry.getValue(),
                        "partition " + entry.getKey() + ": committed " + entry.getValue() + " before the kill, " + afterKill.get(entry.getKey()) + " after");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> observer.describe().get().stream().mapToInt(m -> m.assigned().size()).sum() == PARTITIONS);
            List<GroupMemberInfo> rejoined = observer.describe().get();
            System.out.printf("consumer groups: %d consumers rejoined the new coordinator, all %d partitions assigned again %d ms after the kill%n",
                    rejoined.size(), PARTITIONS, (System.nanoTime() - killedAt) / 1_000_000);
            assertEquals(3, rejoined.size(), rejoined.toString());
            during.join();
            produce(producer, "after", acknowledged, () -> crash.set(true)); // the third consumer dies while it reads
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> new HashSet<>(consumed).containsAll(acknowledged));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        consumers.forEach(DefaultLogConsumer::close);
        assertEquals(List.of(), List.copyOf(errors));
        int duplicates = consumed.size() - new HashSet<>(consumed).size();
        System.out.printf("consumer groups: %d records acknowledged (of %d sent), %d consumed, %d duplicates (at least once across the "
                + "coordinator's failover and a consumer's crash)%n", acknowledged.size(), 3 * PER_PHASE, consumed.size(), duplicates);
        assertTrue(acknowledged.size() >= 2 * PER_PHASE, "the phases before and after the kill are acknowledged: " + acknowledged.size());
        assertTrue(new HashSet<>(consumed).containsAll(acknowledged));
    }

    /** Sends the phase's records in batches of 64, running {@code midway} halfway; records the acknowledged ones. */
    private static void produce(LogProducer producer, String phase, Set<String> acknowledged, Runnable midway) {
        for (int batch = 0; batch < PER_PHASE; batch += 64) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = batch; i < Math.min(PER_PHASE, batch + 64); i++) {
                String value = phase + "-" + i;
                sent.add(producer.send(ProducerRecord.of(TOPIC, "k" + i, value)).thenRun(() -> acknowledged.add(value)));
                if (i == PER_PHASE / 2) {
                    midway.run();
                }
            }
            try {
                CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // not acknowledged (the kill): such records need not be consumed
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
