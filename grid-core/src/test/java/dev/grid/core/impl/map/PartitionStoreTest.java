package dev.grid.core.impl.map;

import dev.grid.core.GridMapFullException;
import dev.grid.core.impl.map.table.GrowthStats;
import dev.grid.core.impl.map.table.GrowthTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's byte[] keys, written through its own key writer, behave like Chronicle's default byte[] keys;
 * the store and its fences grow past their sizing until the member's off-heap budget stops them.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PartitionStoreTest {
    private final PartitionStore store = new PartitionStore("store-test", 0, 1_000, 24, 64);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keysOfEveryLengthAreFoundByContentNotIdentity() {
        Map<String, byte[]> stored = new HashMap<>();
        // Lengths around and well above the key buffer Chronicle starts with (32 bytes), longest first
        // and then shorter again, so a reused buffer with stale trailing bytes would show.
        for (int length : new int[] {0, 1, 31, 32, 33, 1024, 7, 200, 2}) {
            byte[] key = new byte[length];
            Arrays.fill(key, (byte) length);
            byte[] value = ("value-" + length).getBytes(StandardCharsets.UTF_8);
            assertNull(store.put(key, value));
            stored.put(Integer.toString(length), value);
        }
        for (Map.Entry<String, byte[]> entry : stored.entrySet()) {
            int length = Integer.parseInt(entry.getKey());
            byte[] probe = new byte[length];
            Arrays.fill(probe, (byte) length);
            assertArrayEquals(entry.getValue(), store.get(probe), "key of length " + length);
            assertTrue(store.containsKey(probe));
        }
        assertNull(store.get(new byte[] {1, 1}), "same length, other content");
        assertNull(store.get(new byte[] {7, 7, 7, 7, 7, 7}), "a prefix of a stored key");
        assertEquals(stored.size(), store.size());
        assertEquals(stored.size(), store.keys().size());
    }

    @Test
    void overwriteAndRemoveSeeTheSameKey() {
        byte[] key = "order-42".getBytes(StandardCharsets.UTF_8);
        store.put(key, new byte[] {1});
        assertArrayEquals(new byte[] {1}, store.put(key.clone(), new byte[] {2}));
        assertArrayEquals(new byte[] {2}, store.get(key.clone()));
        assertArrayEquals(new byte[] {2}, store.remove(key.clone()));
        assertEquals(0, store.size());
    }

    @Test
    void setInsertsAndOverwritesWithValuesOfAnySizeWithoutReturningThePrevious() {
        byte[] key = "order-7".getBytes(StandardCharsets.UTF_8);
        store.set(key, new byte[] {1});
        assertArrayEquals(new byte[] {1}, store.get(key.clone()));
        byte[] larger = new byte[500];
        Arrays.fill(larger, (byte) 9);
        store.set(key.clone(), larger);
        assertArrayEquals(larger, store.get(key.clone()), "overwritten with a value larger than its slot");
        store.set(key.clone(), new byte[] {3, 4});
        assertArrayEquals(new byte[] {3, 4}, store.get(key.clone()), "overwritten with a smaller value");
        assertEquals(1, store.size());
        assertArrayEquals(new byte[] {3, 4}, store.put(key.clone(), new byte[] {5}), "put still returns what set stored");
    }

    @Test
    void aStoreGrowsPastItsSizingInsteadOfRefusingEntries() {
        PartitionStore small = new PartitionStore("tiny", 3, 10, 8, 8);
        try {
            for (int i = 0; i < 5_000; i++) {
                small.set(("key-" + i).getBytes(StandardCharsets.UTF_8), new byte[64]);
            }
            assertEquals(5_000, small.size());
            assertTrue(small.capacity() >= 5_000, "capacity " + small.capacity());
            for (int i = 0; i < 5_000; i++) {
                assertArrayEquals(new byte[64], small.get(("key-" + i).getBytes(StandardCharsets.UTF_8)), "key-" + i);
            }
        } finally {
            small.close();
        }
    }

    @Test
    void fencesGrowWithTheirKeys() {
        PartitionStore small = new PartitionStore("fenced", 1, 10, 8, 8);
        try {
            for (int i = 0; i < 3_000; i++) {
                small.setFence(("key-" + i).getBytes(StandardCharsets.UTF_8), 1_000L + i);
            }
            for (int i = 0; i < 3_000; i++) {
                assertEquals(1_000L + i, small.fence(("key-" + i).getBytes(StandardCharsets.UTF_8)), "key-" + i);
            }
            Map<String, Long> visited = new HashMap<>();
            small.forEachFence((key, fence) -> visited.put(new String(key, StandardCharsets.UTF_8), fence));
            assertEquals(3_000, visited.size());
            assertEquals(1_042L, visited.get("key-42"));
            assertEquals(0, small.fence("never-fenced".getBytes(StandardCharsets.UTF_8)));
        } finally {
            small.close();
        }
    }

    @Test
    void whenTheBudgetRefusesAGrowthTheWriteFailsNamingTheBudgetAndTheStoreKeepsEverything() {
        OffHeapBudget budget = new OffHeapBudget(0);
        PartitionStore first = new PartitionStore("budgeted", 5, 100, 8, 8, budget.forStore("budgeted", 5),
                GrowthTasks.NONE, new GrowthStats());
        long oneStore = budget.reserved();
        first.close();
        OffHeapBudget tight = new OffHeapBudget(oneStore + oneStore / 2);
        PartitionStore store = new PartitionStore("budgeted", 5, 100, 8, 8, tight.forStore("budgeted", 5),
                GrowthTasks.NONE, new GrowthStats());
        try {
            GridMapFullException full = null;
            int stored = 0;
            for (int i = 0; i < 100_000 && full == null; i++) {
                try {
                    store.set(("key-" + i).getBytes(StandardCharsets.UTF_8), new byte[8]);
                    stored++;
                } catch (GridMapFullException e) {
                    full = e;
                }
            }
            assertNotNull(full, "the budget stops the growth");
            assertTrue(full.getMessage().startsWith("GridMap 'budgeted' partition 5 cannot grow its store (holding " + stored
                    + " entries) on this member"), full.getMessage());
            assertTrue(full.getMessage().contains("of grid.offHeapBudget = " + (oneStore + oneStore / 2) + " bytes"), full.getMessage());
            assertTrue(stored >= 100, "the store took at least its sizing: " + stored);
            assertEquals(stored, store.size());
            for (int i = 0; i < stored; i++) {
                assertArrayEquals(new byte[8], store.get(("key-" + i).getBytes(StandardCharsets.UTF_8)), "key-" + i);
            }
            assertEquals(store.offHeapReserved(), tight.reserved(), "the budget counts the store's one table");
        } finally {
            store.close();
        }
        assertEquals(0, tight.reserved(), "closing gives everything back");
    }
}
