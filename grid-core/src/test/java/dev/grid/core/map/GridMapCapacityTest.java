package dev.grid.core.map;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions.TransactionType;
import com.hazelcast.transaction.TransactionOptions;
import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapFullException;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.spi.GrowthSnapshot;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition store grows past its initial sizing; only the member's off-heap budget stops it, with a
 * clear error, and then the member and its data are fine. One member, one partition: every key lands
 * in the same store.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GridMapCapacityTest {

    private static GridConfig onePartition(int budgetMegabytes, String map) {
        GridConfig config = TestClusters.of(1, 1).nextMemberConfig()
                .addMap(new GridMapConfig(map).setEntries(100).setAverageKeySize(8).setAverageValueSize(16));
        return budgetMegabytes > 0 ? config.setOffHeapBudget((long) budgetMegabytes << 20) : config;
    }

    private static MapContainer container(Grid grid, String map) {
        GridMapService service = EmbeddedGrid.nodeEngine(grid.hazelcast()).getService(GridMapService.SERVICE_NAME);
        return service.container(map);
    }

    @Test
    void aStoreTakesFiftyTimesItsInitialSizingWithoutRefusingAWrite() {
        try (Grid grid = Grid.embedded(onePartition(0, "small"))) {
            GridMap<Integer, String> map = grid.map("small");
            MapContainer container = container(grid, "small");
            long initial = container.initialCapacityPerPartition();
            int count = (int) (50 * initial);
            for (int i = 0; i < count; i++) {
                map.set(i, "value-" + i);
            }
            for (int i = 0; i < count; i++) {
                assertEquals("value-" + i, map.get(i), "entry " + i);
            }
            assertEquals(count, map.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> !container.storeOrNull(0).isGrowing());
            GrowthSnapshot growth = container.growthStats();
            System.out.printf("capacity: %d entries in a store sized for %d at first, now for %d; %s%n",
                    count, initial, container.storeOrNull(0).capacity(), growth);
            assertTrue(container.storeOrNull(0).capacity() >= count, "capacity " + container.storeOrNull(0).capacity());
            assertTrue(growth.finished() >= 5, growth.toString());
            assertEquals(grid.map("small").localStats().offHeapReserved(), container.storeOrNull(0).offHeapReserved(),
                    "once a growth finished only the larger table stays reserved");
        }
    }

    @Test
    void growthStopsAtTheMembersOffHeapBudgetNamingItAndEveryStoredEntryStaysReadable() {
        try (Grid grid = Grid.embedded(onePartition(1, "budgeted"))) {
            GridMap<Integer, String> map = grid.map("budgeted");
            long initial = container(grid, "budgeted").initialCapacityPerPartition();
            GridMapFullException refused = null;
            int stored = 0;
            for (int i = 0; i < 1_000_000 && refused == null; i++) {
                try {
                    map.set(i, "value-" + i);
                    stored++;
                } catch (GridMapFullException e) {
                    refused = e;
                }
            }
            assertNotNull(refused, "a 1 MB budget stops the store growing");
            System.out.println("capacity: " + stored + " entries stored before the budget refused: " + refused.getMessage());
            assertTrue(refused.getMessage().startsWith("GridMap 'budgeted' partition 0 cannot grow its store"), refused.getMessage());
            assertTrue(refused.getMessage().contains("grid.offHeapBudget = 1048576 bytes"), refused.getMessage());
            assertTrue(stored > 8 * initial, "the store grew several times before the budget stopped it: " + stored);
            assertTrue(grid.isRunning());
            for (int i = 0; i < stored; i++) {
                assertEquals("value-" + i, map.get(i), "entry " + i + " stays readable");
            }
            assertEquals(stored, map.size());
            assertTrue(grid.map("budgeted").localStats().offHeapReserved() <= 1 << 20);
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
            assertTrue(refused.getMessage().contains("cannot get a store on this member"), refused.getMessage());
            assertTrue(refused.getMessage().contains("grid.offHeapBudget = 10485760 bytes"), refused.getMessage());
            assertTrue(stored > 0, "the first stores fit");
            for (int i = 0; i < stored; i++) {
                assertEquals("v" + i, map.get(i));
            }
        }
    }

    @Test
    void transactionsAndFencedWritesKeepWorkingWhileTheStoreGrows() {
        try (Grid grid = Grid.embedded(onePartition(0, "locked"))) {
            GridMap<Integer, String> map = grid.map("locked");
            int count = (int) (20 * container(grid, "locked").initialCapacityPerPartition());
            Map<Integer, String> committed = new HashMap<>();
            for (int batch = 0; batch < 10; batch++) {
                TransactionContext tx = grid.hazelcast().newTransactionContext(
                        new TransactionOptions().setTransactionType(TransactionType.TWO_PHASE).setTimeout(30, TimeUnit.SECONDS));
                tx.beginTransaction();
                TransactionalGridMap<Integer, String> view = TransactionalGridMap.in(tx, "locked");
                for (int i = batch; i < count; i += 10) {
                    view.put(i, "tx-" + i);
                    committed.put(i, "tx-" + i);
                }
                tx.commitTransaction();
            }
            for (int i = 0; i < count; i++) {
                map.setFenced(count + i, "fenced-" + i, 10 + i);
            }
            for (Map.Entry<Integer, String> entry : committed.entrySet()) {
                assertEquals(entry.getValue(), map.get(entry.getKey()), "committed key " + entry.getKey());
            }
            for (int i = 0; i < count; i++) {
                int key = count + i;
                assertEquals("fenced-" + i, map.get(key), "fenced key " + key);
            }
            FencedWriteRejectedException stale = assertThrows(FencedWriteRejectedException.class,
                    () -> map.setFenced(count + 7, "paused holder", 9));
            assertEquals(17, stale.highestFence(), "the key's highest fence survived the growth: " + stale.getMessage());
            assertEquals(2 * count, map.size());
            assertTrue(container(grid, "locked").growthStats().started() >= 4, container(grid, "locked").growthStats().toString());
        }
    }
}
