package dev.grid.core.map;

import dev.grid.core.GridEntryProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Randomized operations from several threads on three members, checked against a reference model.
 * Each thread owns a disjoint set of keys, so its model is exact (sequential per key) and every
 * return value is checked as it happens; all threads also increment shared counters with entry
 * processors, whose final values must equal the number of increments (atomicity). At the end the
 * whole map must equal the union of the models.
 */
class GridMapStressTest {
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 3000;
    private static final int KEYS_PER_THREAD = 60;
    private static final int COUNTERS = 5;
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);

    @Test
    void randomOperationsAgreeWithTheReferenceModel() throws Exception {
        long seed = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<ThreadResult>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            GridMap<String, String> map = CLUSTER.member(t % CLUSTER.members().size()).map("stress");
            results.add(pool.submit(() -> run(map, thread, new SplittableRandom(seed + thread))));
        }
        Map<String, String> expected = new HashMap<>();
        long increments = 0;
        for (Future<ThreadResult> result : results) {
            ThreadResult r = result.get(120, TimeUnit.SECONDS);
            expected.putAll(r.model());
            increments += r.increments();
        }
        pool.shutdown();

        GridMap<String, String> map = CLUSTER.member(0).map("stress");
        Map<String, String> actual = new HashMap<>();
        map.forEach(e -> actual.put(e.getKey(), e.getValue()));
        long counted = 0;
        for (int c = 0; c < COUNTERS; c++) {
            String value = actual.remove("counter-" + c);
            counted += value == null ? 0 : Long.parseLong(value);
        }
        assertEquals(expected, actual, "map contents, seed " + seed);
        assertEquals(increments, counted, "every entry-processor increment applied exactly once, seed " + seed);
        System.out.printf("stress: %d threads x %d operations on 3 members, %d keys and %d increments verified (seed %d)%n",
                THREADS, OPERATIONS_PER_THREAD, expected.size(), increments, seed);
    }

    private record ThreadResult(Map<String, String> model, long increments) {
    }

    private static ThreadResult run(GridMap<String, String> map, int thread, SplittableRandom random) {
        Map<String, String> model = new HashMap<>();
        GridEntryProcessor<String, String, Long> increment = entry -> {
            long next = entry.getValue() == null ? 1 : Long.parseLong(entry.getValue()) + 1;
            entry.setValue(Long.toString(next));
            return next;
        };
        long increments = 0;
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            String key = "t" + thread + "-k" + random.nextInt(KEYS_PER_THREAD);
            String value = "v" + random.nextInt(1000);
            String step = "op " + i + " on " + key;
            switch (random.nextInt(12)) {
                case 0 -> assertEquals(model.put(key, value), map.put(key, value), step + " put");
                case 1 -> {
                    map.set(key, value);
                    model.put(key, value);
                }
                case 2 -> assertEquals(model.putIfAbsent(key, value), map.putIfAbsent(key, value), step + " putIfAbsent");
                case 3 -> assertEquals(model.replace(key, value), map.replace(key, value), step + " replace");
                case 4 -> {
                    String expectedOld = random.nextBoolean() ? model.get(key) : "v" + random.nextInt(1000);
                    boolean modelResult = expectedOld != null && model.replace(key, expectedOld, value);
                    assertEquals(modelResult, expectedOld != null && map.replace(key, expectedOld, value), step + " replace3");
                }
                case 5 -> assertEquals(model.remove(key), map.remove(key), step + " remove");
                case 6 -> {
                    String expectedOld = random.nextBoolean() ? model.get(key) : "v" + random.nextInt(1000);
                    boolean modelResult = expectedOld != null && model.remove(key, expectedOld);
                    assertEquals(modelResult, expectedOld != null && map.remove(key, expectedOld), step + " remove2");
                }
                case 7 -> {
                    map.delete(key);
                    model.remove(key);
                }
                case 8 -> assertEquals(model.containsKey(key), map.containsKey(key), step + " containsKey");
                case 9 -> {
                    map.executeOnKey("counter-" + random.nextInt(COUNTERS), increment);
                    increments++;
                }
                case 10 -> {
                    String result = map.executeOnKey(key, entry -> {
                        String old = entry.getValue();
                        entry.setValue(old == null ? "p" : old + "p");
                        return old;
                    });
                    assertEquals(model.get(key), result, step + " executeOnKey");
                    model.merge(key, "p", (old, p) -> old + p);
                }
                default -> assertEquals(model.get(key), map.get(key), step + " get");
            }
        }
        return new ThreadResult(model, increments);
    }
}
