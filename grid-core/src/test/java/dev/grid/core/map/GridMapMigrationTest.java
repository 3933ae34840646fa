package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads stay correct while partitions migrate under them: a writer's own reads see its writes, and a
 * reader on the member that is losing partitions never sees a value older than one already
 * acknowledged (the local fast path must not serve a partition that moved away).
 */
class GridMapMigrationTest {
    private static final int KEYS = 2000;
    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stopAll() {
        members.forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void noStaleReadWhilePartitionsMigrateAway() throws Exception {
        TestClusters cluster = TestClusters.of(3, 71);
        Grid first = cluster.startMember();
        members.add(first);
        GridMap<Integer, Long> map = first.map("migrating");
        AtomicLongArray acknowledged = new AtomicLongArray(KEYS);
        for (int k = 0; k < KEYS; k++) {
            map.set(k, 0L);
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong staleReads = new AtomicLong();
        AtomicLong ownReadMismatches = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> writer = threads.submit(() -> {
            long sequence = 0;
            while (!stop.get()) {
                int key = (int) (sequence % KEYS);
                map.set(key, ++sequence);
                acknowledged.set(key, sequence);
                if (!Long.valueOf(sequence).equals(map.get(key))) {
                    ownReadMismatches.incrementAndGet();
                }
            }
        });
        Future<?> reader = threads.submit(() -> {
            int key = 0;
            while (!stop.get()) {
                key = (key + 7) % KEYS;
                long floor = acknowledged.get(key);
                Long seen = map.get(key);
                reads.incrementAndGet();
                if (seen == null || seen < floor) {
                    staleReads.incrementAndGet();
                }
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > 1000);
        members.add(cluster.startMember());
        members.add(cluster.startMember());
        await().atMost(Duration.ofSeconds(90)).until(() -> first.members().size() == 3
                && first.hazelcast().getPartitionService().isClusterSafe()
                && first.partitions().distribution().min() > 0);
        long readsAfterMigration = reads.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > readsAfterMigration + 1000);
        stop.set(true);
        writer.get(30, TimeUnit.SECONDS);
        reader.get(30, TimeUnit.SECONDS);
        threads.shutdown();

        System.out.printf("migration: %d reads while 2 members joined, %d stale, %d read-your-writes misses; "
                        + "this member now owns %d of 71 partitions%n", reads.get(), staleReads.get(), ownReadMismatches.get(),
                first.partitions().distribution().ownedCounts().get(first.localMember().orElseThrow()));
        assertEquals(0, ownReadMismatches.get(), "read-your-writes");
        assertEquals(0, staleReads.get(), "no read older than an acknowledged write");
        assertTrue(first.partitions().distribution().ownedCounts().get(first.localMember().orElseThrow()) < 71,
                "partitions migrated away from the first member");
        for (int k = 0; k < KEYS; k++) {
            assertEquals(acknowledged.get(k), (long) members.get(2).<Integer, Long>map("migrating").get(k), "key " + k);
        }
    }
}
