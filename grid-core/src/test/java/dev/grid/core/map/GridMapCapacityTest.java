package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapFullException;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full partition store refuses the write with a clear error; the member and its data are fine. */
class GridMapCapacityTest {

    @Test
    void aFullStoreRejectsTheWriteNamingMapPartitionAndKeyToRaise() {
        GridConfig config = TestClusters.of(1, 1).nextMemberConfig()
                .addMap(new GridMapConfig("small").setEntries(100).setAverageKeySize(8).setAverageValueSize(16));
        try (Grid grid = Grid.embedded(config)) {
            GridMap<Integer, String> map = grid.map("small");
            GridMapFullException full = null;
            int stored = 0;
            for (int i = 0; i < 1_000_000 && full == null; i++) {
                try {
                    map.set(i, "value-" + i);
                    stored++;
                } catch (GridMapFullException e) {
                    full = e;
                }
            }
            assertNotNull(full, "the store never filled up");
            System.out.println("capacity: " + stored + " entries stored before the store refused: " + full.getMessage());
            assertTrue(full.getMessage().startsWith("GridMap 'small' partition 0 is full"), full.getMessage());
            assertTrue(full.getMessage().contains("raise grid.maps.small.entries"), full.getMessage());
            assertTrue(grid.isRunning());
            for (int i = 0; i < stored; i++) {
                assertEquals("value-" + i, map.get(i), "entry " + i + " stays readable");
            }
            assertEquals(stored, map.size());
            assertEquals("value-0", map.remove(0));
            map.set(1, "value-X");
            assertEquals("value-X", map.get(1), "an entry can still be updated in place");
        }
    }

    @Test
    void theMembersOffHeapBudgetCapsNewStoresWithAClearError() {
        GridConfig config = TestClusters.of(1, 7).nextMemberConfig().setOffHeapBudget(10L << 20)
                .addMap(new GridMapConfig("budgeted").setEntries(70_000));
        try (Grid grid = Grid.embedded(config)) {
            GridMap<Integer, String> map = grid.map("budgeted");
            GridMapFullException refused = null;
            int stored = 0;
            for (int i = 0; i < 1000 && refused == null; i++) {
                try {
                    map.set(i, "v" + i);
                    stored++;
                } catch (GridMapFullException e) {
                    refused = e;
                }
            }
            assertNotNull(refused, "7 stores sized for 12500 entries each cannot all fit in 10 MB");
            assertTrue(refused.getMessage().contains("grid.offHeapBudget = 10485760 bytes"), refused.getMessage());
            assertTrue(stored > 0, "the first stores fit");
            for (int i = 0; i < stored; i++) {
                assertEquals("v" + i, map.get(i));
            }
        }
    }
}
