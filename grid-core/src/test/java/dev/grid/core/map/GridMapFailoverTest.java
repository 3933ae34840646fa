package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No acknowledged write is lost when a member dies (backupCount 1), nor when members join and leave
 * gracefully afterwards.
 */
class GridMapFailoverTest {
    private static final int WRITERS = 4;
    private static final int KEYS_PER_WRITER = 500;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stopAll() {
        members.forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void noAcknowledgedWriteIsLostWhenAMemberIsTerminatedMidLoad() throws Exception {
        TestClusters cluster = TestClusters.of(4, 71);
        for (int i = 0; i < 3; i++) {
            members.add(cluster.startMember());
        }
        Grid caller = members.get(0);
        awaitSettled(caller, 3);
        GridMap<String, Long> map = caller.map("failover");

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> unacknowledged = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(WRITERS);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                long sequence = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!stop.get() && System.nanoTime() < deadline) {
                    sequence++;
                    String key = writer + "-" + (sequence % KEYS_PER_WRITER);
                    if (unacknowledged.containsKey(key)) {
                        continue; // once a write's fate is unknown, the key keeps it for the check
                    }
                    try {
                        map.set(key, sequence);
                        acknowledged.put(key, sequence);
                        writes.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        unacknowledged.put(key, sequence);
                    }
                    if (sequence == 2L * KEYS_PER_WRITER) {
                        warmedUp.countDown();
                    }
                }
            }));
        }
        assertTrue(warmedUp.await(60, TimeUnit.SECONDS), "writers did not get going");
        Grid victim = members.remove(2);
        victim.hazelcast().getLifecycleService().terminate();
        awaitSettled(caller, 2);
        // keep writing a while after the failover, then stop
        long writesAtFailover = writes.get();
        await().atMost(SETTLE).until(() -> writes.get() >= writesAtFailover + 2000);
        stop.set(true);
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertEquals(WRITERS * KEYS_PER_WRITER, acknowledged.size() + keysOnlyIn(unacknowledged, acknowledged),
                "every key was written at least once");
        verify(map, acknowledged, unacknowledged);
        System.out.printf("failover: %d writes to %d keys acknowledged, %d failed during the failover; all verified%n",
                writes.get(), acknowledged.size(), failures.get());

        // a member joins, another leaves gracefully: still nothing lost, and balanced again
        members.add(cluster.startMember());
        awaitSettled(caller, 3);
        Grid leaving = members.remove(1);
        leaving.close();
        awaitSettled(caller, 2);
        verify(map, acknowledged, unacknowledged);
        // The master rebalances after the membership change settles. Hazelcast's partition state
        // generator keeps some slack after a join followed by a leave (33/38 of 71 was seen): balanced
        // here means no member above the ideal share by more than 10%.
        await().atMost(SETTLE).until(() -> {
            PartitionDistribution d = caller.partitions().distribution();
            return d.unassigned() == 0 && d.max() <= Math.ceil(d.ideal() * 1.1)
                    && caller.hazelcast().getPartitionService().isClusterSafe();
        });
        PartitionDistribution balanced = caller.partitions().distribution();
        System.out.printf("failover: after a join and a graceful leave the 2 members own %s of 71 partitions%n",
                balanced.ownedCounts().values());
        verify(map, acknowledged, unacknowledged);
        assertEquals(acknowledged.size() + keysOnlyIn(unacknowledged, acknowledged), map.size());
    }

    private static int keysOnlyIn(Map<String, Long> unacknowledged, Map<String, Long> acknowledged) {
        Set<String> only = new java.util.HashSet<>(unacknowledged.keySet());
        only.removeAll(acknowledged.keySet());
        return only.size();
    }

    /** Each key holds its last acknowledged value, or the value of a later write whose fate was unknown. */
    private static void verify(GridMap<String, Long> map, Map<String, Long> acknowledged, Map<String, Long> unacknowledged) {
        for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
            Long stored = map.get(entry.getKey());
            Long maybe = unacknowledged.get(entry.getKey());
            assertTrue(entry.getValue().equals(stored) || (maybe != null && maybe.equals(stored)),
                    "key " + entry.getKey() + ": acknowledged " + entry.getValue() + ", unacknowledged " + maybe + ", stored " + stored);
        }
    }

    private static void awaitSettled(Grid observer, int memberCount) {
        await().atMost(SETTLE).until(() -> observer.members().size() == memberCount
                && observer.hazelcast().getPartitionService().isClusterSafe()
                && observer.partitions().distribution().unassigned() == 0);
    }
}
