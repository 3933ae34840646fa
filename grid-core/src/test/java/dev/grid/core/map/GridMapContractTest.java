package dev.grid.core.map;

import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridEntryProcessor;
import dev.grid.core.GridMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.NotSerializableException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GridMap contract, written once and run on every topology: each subclass says how to get a
 * {@link Grid} (one embedded member, three, a client of members in other processes).
 */
public abstract class GridMapContractTest {
    private GridMap<String, String> map;
    private Grid grid;

    /** @return the grid the contract runs against; started before each test */
    protected abstract Grid grid();

    @BeforeEach
    void newMap() {
        grid = grid();
        map = grid.map("contract-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void destroyMap() {
        map.destroy();
    }

    @Test
    void getReturnsWhatPutStored() {
        assertNull(map.get("a"));
        assertNull(map.put("a", "1"));
        assertEquals("1", map.get("a"));
        assertEquals("1", map.put("a", "2"));
        assertEquals("2", map.get("a"));
    }

    @Test
    void setStoresWithoutReturningTheOldValue() {
        map.set("k", "v1");
        map.set("k", "v2");
        assertEquals("v2", map.get("k"));
    }

    @Test
    void putIfAbsentStoresOnlyWhenAbsent() {
        assertNull(map.putIfAbsent("k", "first"));
        assertEquals("first", map.putIfAbsent("k", "second"));
        assertEquals("first", map.get("k"));
    }

    @Test
    void replaceOnlyChangesPresentKeys() {
        assertNull(map.replace("k", "x"));
        assertFalse(map.containsKey("k"));
        map.set("k", "a");
        assertEquals("a", map.replace("k", "b"));
        assertFalse(map.replace("k", "a", "c"));
        assertTrue(map.replace("k", "b", "c"));
        assertEquals("c", map.get("k"));
    }

    @Test
    void removeVariants() {
        map.set("a", "1");
        map.set("b", "2");
        map.set("c", "3");
        assertEquals("1", map.remove("a"));
        assertNull(map.remove("a"));
        assertFalse(map.remove("b", "wrong"));
        assertTrue(map.remove("b", "2"));
        map.delete("c");
        assertFalse(map.containsKey("c"));
        assertTrue(map.isEmpty());
    }

    @Test
    void asyncVariantsCompleteWithTheSameResults() throws Exception {
        assertNull(map.putAsync("k", "1").toCompletableFuture().get(30, TimeUnit.SECONDS));
        map.setAsync("k", "2").toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("2", map.getAsync("k").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals("2", map.putIfAbsentAsync("k", "3").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals("2", map.removeAsync("k").toCompletableFuture().get(30, TimeUnit.SECONDS));
        map.set("d", "x");
        assertTrue(map.deleteAsync("d").toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertFalse(map.deleteAsync("d").toCompletableFuture().get(30, TimeUnit.SECONDS));
    }

    @Test
    void bulkOperationsSpanPartitions() {
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            entries.put("key-" + i, "value-" + i);
        }
        map.putAll(entries);
        assertEquals(500, map.size());
        Set<String> wanted = new HashSet<>(List.of("key-1", "key-250", "key-499", "missing"));
        Map<String, String> found = map.getAll(wanted);
        assertEquals(Map.of("key-1", "value-1", "key-250", "value-250", "key-499", "value-499"), found);

        Map<String, String> iterated = new HashMap<>();
        map.forEach(e -> iterated.put(e.getKey(), e.getValue()));
        assertEquals(entries, iterated);
        assertEquals(entries.keySet(), new HashSet<>(map.keys()));

        map.clear();
        assertEquals(0, map.size());
        assertNull(map.get("key-1"));
    }

    @Test
    void executeOnKeyIsAnAtomicReadModifyWrite() {
        GridEntryProcessor<String, String, Integer> append = entry -> {
            String current = entry.getValue();
            entry.setValue(current == null ? "x" : current + "x");
            return entry.getValue().length();
        };
        assertEquals(1, map.executeOnKey("k", append));
        assertEquals(2, map.executeOnKey("k", append));
        assertEquals("xx", map.get("k"));
        GridEntryProcessor<String, String, String> remover = entry -> {
            String old = entry.getValue();
            entry.remove();
            return old;
        };
        assertEquals("xx", map.executeOnKey("k", remover));
        assertFalse(map.containsKey("k"));
        GridEntryProcessor<String, String, String> reader = entry -> entry.getKey() + "=" + entry.getValue();
        assertEquals("k=null", map.executeOnKey("k", reader));
        assertFalse(map.containsKey("k"), "a processor that changes nothing stores nothing");
    }

    @Test
    void fencedWritesRejectAFenceBelowTheKeysHighest() {
        map.setFenced("account", "holder-5", 5);
        assertEquals("holder-5", map.putFenced("account", "holder-9", 9));
        FencedWriteRejectedException stale = assertThrows(FencedWriteRejectedException.class,
                () -> map.setFenced("account", "paused holder-5", 5));
        assertEquals(5, stale.fence());
        assertEquals(9, stale.highestFence());
        assertTrue(stale.getMessage().contains("key 'account'"), stale.getMessage());
        assertEquals("holder-9", map.get("account"));
        assertEquals("holder-9", map.removeFenced("account", 10));
        assertThrows(FencedWriteRejectedException.class, () -> map.setFenced("account", "back", 9));
        assertThrows(IllegalArgumentException.class, () -> map.setFenced("account", "zero", 0));
        assertFalse(map.containsKey("account"));
    }

    @Test
    void readYourWritesForManyKeys() {
        for (int i = 0; i < 1000; i++) {
            map.set("k" + i, "v" + i);
            assertEquals("v" + i, map.get("k" + i));
        }
        assertEquals(1000, map.size());
    }

    @Test
    void shouldRejectNullsNamingTheArgument() {
        assertEquals("key must not be null", assertThrows(NullPointerException.class, () -> map.get(null)).getMessage());
        assertEquals("value must not be null", assertThrows(NullPointerException.class, () -> map.set("k", null)).getMessage());
        assertEquals("expected must not be null",
                assertThrows(NullPointerException.class, () -> map.replace("k", null, "v")).getMessage());
    }

    @Test
    void shouldRejectAnUnserializableValueAndStoreNothing() {
        GridMap<String, Object> objects = grid.map(map.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> objects.set("k", new Object()));
        assertTrue(e.getMessage().contains("cannot serialize the value") && e.getMessage().contains("'k'"), e.getMessage());
        assertTrue(e.getCause().getCause() instanceof NotSerializableException || e.getMessage().contains("Object"), e.getMessage());
        assertFalse(map.containsKey("k"));
    }

    @Test
    void shouldRejectAValueAboveMaxValueSize() {
        String tooBig = "x".repeat(2 << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.set("big", tooBig));
        assertTrue(e.getMessage().contains("maxValueSize = 1048576"), e.getMessage());
        assertFalse(map.containsKey("big"));
        map.set("small", "fine");
        assertEquals("fine", map.get("small"));
    }

    @Test
    void destroyEmptiesTheMapAndItCanBeUsedAgain() {
        map.set("k", "v");
        map.destroy();
        GridMap<String, String> again = grid.map(map.name());
        assertNull(again.get("k"));
        again.set("k", "v2");
        assertEquals("v2", again.get("k"));
    }
}
