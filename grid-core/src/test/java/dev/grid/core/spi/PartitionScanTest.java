package dev.grid.core.spi;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a GridMap one partition at a time, from a member and from a client, sees every entry once, in its partition. */
class PartitionScanTest {
    private static final int PARTITIONS = 7;
    private static final int ENTRIES = 500;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(PARTITIONS);

    @Test
    void aMemberAndAClientReadEveryEntryOnceFromItsOwnPartition() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("scanned");
        for (int i = 0; i < ENTRIES; i++) {
            map.set(i, "v" + i);
        }
        for (Grid grid : List.of(CLUSTER.member(1), CLUSTER.client())) {
            PartitionScan<Integer, String> scan = PartitionScan.of(grid.<Integer, String>map("scanned"));
            Map<Integer, String> seen = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (Map.Entry<Integer, String> entry : scan.partitionEntries(partition, Integer.MAX_VALUE)) {
                    assertEquals(partition, grid.partitions().partitionOf(entry.getKey()), "key " + entry.getKey() + " read from partition " + partition);
                    assertEquals(null, seen.put(entry.getKey(), entry.getValue()), "key " + entry.getKey() + " read twice");
                }
            }
            assertEquals(ENTRIES, seen.size(), grid.mode() + ": every entry once");
            seen.forEach((key, value) -> assertEquals("v" + key, value));
        }
        map.destroy();
    }

    @Test
    void theAsyncReadGivesWhatTheBlockingOneGivesAndRefusesTheSameArguments() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("async");
        for (int i = 0; i < ENTRIES; i++) {
            map.set(i, "v" + i);
        }
        for (Grid grid : List.of(CLUSTER.member(0), CLUSTER.member(1), CLUSTER.client())) {
            PartitionScan<Integer, String> scan = PartitionScan.of(grid.<Integer, String>map("async"));
            int read = 0;
            for (int partition = 0; partition < PARTITIONS; partition++) {
                Map<Integer, String> async = new HashMap<>();
                scan.partitionEntriesAsync(partition, Integer.MAX_VALUE).toCompletableFuture().join()
                        .forEach(entry -> async.put(entry.getKey(), entry.getValue()));
                Map<Integer, String> blocking = new HashMap<>();
                scan.partitionEntries(partition, Integer.MAX_VALUE).forEach(entry -> blocking.put(entry.getKey(), entry.getValue()));
                assertEquals(blocking, async, grid.mode() + ", partition " + partition);
                assertEquals(3, scan.partitionEntriesAsync(partition, 3).toCompletableFuture().join().size());
                read += async.size();
            }
            assertEquals(ENTRIES, read, grid.mode() + ": every entry");
            assertThrows(IllegalArgumentException.class, () -> scan.partitionEntriesAsync(PARTITIONS, 10));
            assertThrows(IllegalArgumentException.class, () -> scan.partitionEntriesAsync(0, 0));
        }
        map.destroy();
    }

    @Test
    void aLimitCapsWhatOnePartitionReturns() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("limited");
        for (int i = 0; i < ENTRIES; i++) {
            map.set(i, "v" + i);
        }
        for (Grid grid : List.of(CLUSTER.member(0), CLUSTER.client())) {
            PartitionScan<Integer, String> scan = PartitionScan.of(grid.<Integer, String>map("limited"));
            for (int partition = 0; partition < PARTITIONS; partition++) {
                int all = scan.partitionEntries(partition, Integer.MAX_VALUE).size();
                assertTrue(all > 3, "500 keys over 7 partitions: " + all + " in partition " + partition);
                assertEquals(3, scan.partitionEntries(partition, 3).size());
            }
        }
        map.destroy();
    }

    @Test
    void aPartitionOutOfRangeOrALimitBelowOneIsRefusedNamingTheMapAndTheValue() {
        for (Grid grid : List.of(CLUSTER.member(0), CLUSTER.client())) {
            PartitionScan<Integer, String> scan = PartitionScan.of(grid.<Integer, String>map("refused"));
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> scan.partitionEntries(PARTITIONS, 10));
            assertTrue(range.getMessage().contains("'refused'") && range.getMessage().contains("partition 7")
                    && range.getMessage().contains("0 to 6"), range.getMessage());
            assertThrows(IllegalArgumentException.class, () -> scan.partitionEntries(-1, 10));
            IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> scan.partitionEntries(0, 0));
            assertTrue(limit.getMessage().contains("'refused'") && limit.getMessage().contains("was 0"), limit.getMessage());
        }
    }

    @Test
    void aMapThatIsNotGridsOwnCannotBeScanned() {
        @SuppressWarnings("unchecked")
        GridMap<Integer, String> foreign = (GridMap<Integer, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GridMap.class}, (proxy, method, args) -> method.getName().equals("name") ? "foreign" : null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionScan.of(foreign));
        assertTrue(e.getMessage().contains("'foreign'"), e.getMessage());
    }
}
