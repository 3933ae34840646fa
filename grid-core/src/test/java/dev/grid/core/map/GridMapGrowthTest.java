package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A map with the default sizing rules, configured small, takes fifty times its initial capacity per
 * partition on three members with a backup, while writers and readers run, a fourth member joins in
 * the middle of the growth (partitions migrate into stores that keep growing on the new member), and
 * one member leaves gracefully afterwards. Every acknowledged entry reads back, during and after.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class GridMapGrowthTest {
    private static final int PARTITIONS = 7;
    private static final String MAP = "growing";
    private static final int WRITERS = 2;
    private static final int CHUNK = 50;
    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stopAll() {
        members.stream().filter(Grid::isRunning).forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    private Grid start(TestClusters cluster) {
        GridConfig config = cluster.nextMemberConfig().setBackupCount(1)
                .addMap(new GridMapConfig(MAP).setEntries(PARTITIONS)); // the initial sizing's floor per partition
        Grid member = Grid.embedded(config);
        members.add(member);
        return member;
    }

    private static MapContainer container(Grid member) {
        GridMapService service = EmbeddedGrid.nodeEngine(member.hazelcast()).getService(GridMapService.SERVICE_NAME);
        return service.container(MAP);
    }

    private static void awaitSafe(Grid member, int size) {
        await().atMost(Duration.ofSeconds(120)).until(() -> member.members().size() == size
                && member.hazelcast().getPartitionService().isClusterSafe());
    }

    private static String valueOf(int key) {
        return "value-" + key;
    }

    /** Keys writer w writes, in order: w, w + WRITERS, w + 2 * WRITERS, ... */
    private static int key(int writer, int index) {
        return writer + index * WRITERS;
    }

    @Test
    void aSmallMapTakesFiftyTimesItsInitialCapacityPerPartitionWhileAMemberJoinsAndOneLeaves() throws Exception {
        TestClusters cluster = TestClusters.of(4, PARTITIONS);
        Grid first = start(cluster);
        Grid leaving = start(cluster);
        Grid third = start(cluster);
        awaitSafe(first, 3);
        long initial = container(first).initialCapacityPerPartition();
        int total = (int) (50 * initial * PARTITIONS);
        int perWriter = total / WRITERS;

        AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS); // writer w: its first n keys are acknowledged
        AtomicBoolean stopReading = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        AtomicLong wrongReads = new AtomicLong();
        AtomicReference<String> firstWrongRead = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            GridMap<Integer, String> map = (w == 0 ? first : third).map(MAP);
            writers.add(threads.submit(() -> {
                for (int index = 0; index < perWriter; index += CHUNK) {
                    int end = Math.min(perWriter, index + CHUNK);
                    if ((index / CHUNK) % 2 == 0) {
                        for (int i = index; i < end; i++) {
                            map.set(key(writer, i), valueOf(key(writer, i)));
                        }
                    } else {
                        Map<Integer, String> batch = new HashMap<>();
                        for (int i = index; i < end; i++) {
                            batch.put(key(writer, i), valueOf(key(writer, i)));
                        }
                        map.putAll(batch);
                    }
                    acknowledged.set(writer, end);
                }
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (Grid reader : List.of(first, third)) {
            GridMap<Integer, String> map = reader.map(MAP);
            readers.add(threads.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stopReading.get()) {
                    int writer = random.nextInt(WRITERS);
                    int acked = acknowledged.get(writer);
                    if (acked == 0) {
                        continue;
                    }
                    int key = key(writer, random.nextInt(acked));
                    String seen = map.get(key);
                    reads.incrementAndGet();
                    if (!valueOf(key).equals(seen)) {
                        wrongReads.incrementAndGet();
                        firstWrongRead.compareAndSet(null, "key " + key + " read " + seen);
                    }
                }
            }));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.get(0) + acknowledged.get(1) >= total * 2 / 5);
        Grid joined = start(cluster);
        for (Future<?> writer : writers) {
            writer.get(150, TimeUnit.SECONDS);
        }
        awaitSafe(first, 4);
        assertEveryEntryReadsBack(joined, total);
        assertGrewOnEveryReplica(List.of(first, leaving, third, joined), initial, total);

        leaving.close(); // graceful: its partitions move to the others first
        awaitSafe(first, 3);
        long readsBeforeStop = reads.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > readsBeforeStop + 1000);
        stopReading.set(true);
        for (Future<?> reader : readers) {
            reader.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertEveryEntryReadsBack(third, total);
        assertGrewOnEveryReplica(List.of(first, third, joined), initial, total);

        System.out.printf("growth: %d entries (%d x the initial %d per partition, %d partitions), %d reads during growth, "
                        + "a join and a leave, %d wrong; the joined member's stores: %s%n",
                total, 50, initial, PARTITIONS, reads.get(), wrongReads.get(), container(joined).growthStats());
        assertEquals(0, wrongReads.get(), "reads of an acknowledged key that missed it or saw another value; first: "
                + firstWrongRead.get());
        assertTrue(reads.get() > 1000, "readers ran: " + reads.get());
    }

    private static void assertEveryEntryReadsBack(Grid member, int total) {
        GridMap<Integer, String> map = member.map(MAP);
        assertEquals(total, map.size());
        for (int start = 0; start < total; start += 1000) {
            Set<Integer> keys = new HashSet<>();
            for (int key = start; key < Math.min(total, start + 1000); key++) {
                keys.add(key);
            }
            Map<Integer, String> found = map.getAll(keys);
            for (int key : keys) {
                assertEquals(valueOf(key), found.get(key), "key " + key + " read from " + member.localMember().orElseThrow());
            }
        }
    }

    /**
     * Every replica of every partition (owner and backup, including those that arrived by migration)
     * holds its partition's entries, about fifty times the initial capacity, in a store that grew.
     */
    private static void assertGrewOnEveryReplica(List<Grid> live, long initial, int total) {
        int[] perPartition = new int[PARTITIONS];
        for (int key = 0; key < total; key++) {
            perPartition[live.get(0).partitions().partitionOf(key)]++;
        }
        int replicas = 0;
        for (Grid member : live) {
            MapContainer container = container(member);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int p = 0; p < PARTITIONS; p++) {
                    PartitionStore store = container.storeOrNull(p);
                    if (store != null && store.isGrowing()) {
                        return false;
                    }
                }
                return true;
            });
            for (int p = 0; p < PARTITIONS; p++) {
                PartitionStore store = container.storeOrNull(p);
                if (store == null || store.size() == 0) {
                    continue;
                }
                replicas++;
                assertEquals(perPartition[p], store.size(), "partition " + p + " on " + member.localMember().orElseThrow());
                assertTrue(store.size() >= 45 * initial, "partition " + p + " holds about 50x its initial capacity: " + store.size());
                assertTrue(store.capacity() >= store.size(), "partition " + p + ": capacity " + store.capacity());
            }
        }
        assertEquals(2 * PARTITIONS, replicas, "an owner and a backup of every partition");
    }
}
