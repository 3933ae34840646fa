package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.MetricsCollector;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleMemberGridMapTest extends GridMapContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Test
    void localReadsTakeTheFastPathAndAreCounted() {
        GridMap<Integer, String> map = grid().map("stats");
        for (int i = 0; i < 100; i++) {
            map.set(i, "v" + i);
        }
        for (int i = 0; i < 150; i++) {
            map.get(i);
        }
        GridMapStats stats = map.localStats();
        assertEquals(100, stats.primaryEntries());
        assertEquals(0, stats.backupEntries());
        assertEquals(150, stats.localReads(), "a single member owns every partition: every get is local");
        assertEquals(100, stats.hits());
        assertEquals(50, stats.misses());
        assertEquals(100, stats.puts());
        assertTrue(stats.offHeapReserved() > 0 && stats.offHeapUsed() > 0, stats.toString());

        Map<String, Double> metrics = new HashMap<>();
        grid().metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                gauge(name, help, labels, value);
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                if ("stats".equals(labels.get("map"))) {
                    metrics.put(name + new TreeMap<>(labels), value);
                }
            }
        });
        assertEquals(100.0, metrics.get("grid_map_entries{map=stats, replica=primary}"));
        assertEquals(150.0, metrics.get("grid_map_operations_total{map=stats, op=get}"));
        assertEquals(100.0, metrics.get("grid_map_operations_total{map=stats, op=put}"));
        assertEquals(150.0, metrics.get("grid_map_local_reads_total{map=stats}"));
        assertEquals(50.0, metrics.get("grid_map_get_misses_total{map=stats}"));
        assertTrue(metrics.get("grid_map_offheap_reserved_bytes{map=stats}") > 0);
        assertTrue(metrics.get("grid_map_operation_seconds_total{map=stats, op=put}") > 0);
        map.destroy();
    }

    @Test
    void shouldRejectAnInvalidMapName() {
        GridConfigException e = assertThrows(GridConfigException.class, () -> grid().map("bad name!"));
        assertTrue(e.getMessage().contains("\"bad name!\""), e.getMessage());
    }
}
