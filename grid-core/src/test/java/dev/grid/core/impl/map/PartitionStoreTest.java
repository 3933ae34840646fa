package dev.grid.core.impl.map;

import dev.grid.core.GridMapFullException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's byte[] keys, written through its own key writer, behave like Chronicle's default byte[] keys. */
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
    void setIntoAFullStoreFailsNamingTheMapAndStoresNothing() {
        PartitionStore small = new PartitionStore("tiny", 3, 10, 8, 8);
        try {
            GridMapFullException full = assertThrows(GridMapFullException.class, () -> {
                for (int i = 0; i < 100_000; i++) {
                    small.set(("key-" + i).getBytes(StandardCharsets.UTF_8), new byte[64]);
                }
            });
            assertTrue(full.getMessage().contains("GridMap 'tiny' partition 3 is full"), full.getMessage());
            long size = small.size();
            assertNull(small.get(("key-" + size).getBytes(StandardCharsets.UTF_8)), "the refused entry");
        } finally {
            small.close();
        }
    }
}
