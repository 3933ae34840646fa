package dev.grid.core.impl.map;

import dev.grid.core.GridMapStats;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;

import java.util.Map;

/** Reports every GridMap this member holds: entries, off-heap bytes, operations, hits, time spent. */
public final class GridMapMetrics implements MetricsSource {
    private static final double NANOS_PER_SECOND = 1e9;
    private final GridMapService service;

    public GridMapMetrics(GridMapService service) {
        this.service = service;
    }

    @Override
    public void collectInto(MetricsCollector c) {
        c.gauge("grid_offheap_reserved_bytes", "off-heap bytes reserved by this member's GridMap stores, all maps together", Map.of(),
                service.offHeapReserved());
        c.gauge("grid_offheap_budget_bytes", "grid.offHeapBudget: the most this member's stores may reserve (0: no limit)", Map.of(),
                service.offHeapBudget());
        for (String map : service.mapNames()) {
            GridMapStats s = service.stats(map);
            c.gauge("grid_map_entries", "GridMap entries held by this member", Map.of("map", map, "replica", "primary"), s.primaryEntries());
            c.gauge("grid_map_entries", "GridMap entries held by this member", Map.of("map", map, "replica", "backup"), s.backupEntries());
            c.gauge("grid_map_offheap_reserved_bytes", "off-heap bytes reserved by the map's stores on this member", Map.of("map", map), s.offHeapReserved());
            c.gauge("grid_map_offheap_used_bytes", "off-heap bytes taken by the map's entries on this member", Map.of("map", map), s.offHeapUsed());
            operations(c, map, "get", s.gets(), s.totalGetNanos());
            operations(c, map, "put", s.puts(), s.totalPutNanos());
            operations(c, map, "remove", s.removes(), s.totalRemoveNanos());
            c.counter("grid_map_operations_total", "GridMap operations run by this member", Map.of("map", map, "op", "other"), s.otherOperations());
            c.counter("grid_map_get_hits_total", "gets that found a value", Map.of("map", map), s.hits());
            c.counter("grid_map_get_misses_total", "gets that found nothing", Map.of("map", map), s.misses());
            c.counter("grid_map_local_reads_total", "gets served on the caller's thread by the local fast path", Map.of("map", map), s.localReads());
        }
    }

    private static void operations(MetricsCollector c, String map, String op, long count, long nanos) {
        c.counter("grid_map_operations_total", "GridMap operations run by this member", Map.of("map", map, "op", op), count);
        c.counter("grid_map_operation_seconds_total", "time this member spent in GridMap operations (divide by the count for the mean)",
                Map.of("map", map, "op", op), nanos / NANOS_PER_SECOND);
    }
}
