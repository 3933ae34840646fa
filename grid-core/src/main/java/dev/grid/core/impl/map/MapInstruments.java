package dev.grid.core.impl.map;

import dev.grid.core.GridCounter;
import dev.grid.core.GridCounters;
import dev.grid.core.GridTimer;

import java.util.Map;

/** The hot-path instruments of one map on one member, looked up once from the grid's {@link GridCounters}. */
final class MapInstruments {
    static final MapInstruments NONE = new MapInstruments(GridCounters.NONE, "");

    final GridCounter hits;
    final GridCounter misses;
    final GridCounter puts;
    final GridCounter removes;
    final GridCounter others;
    final GridTimer getTime;
    final GridTimer putTime;
    final GridTimer removeTime;

    MapInstruments(GridCounters counters, String map) {
        hits = counters.counter("grid_map_get_hits_total", Map.of("map", map));
        misses = counters.counter("grid_map_get_misses_total", Map.of("map", map));
        puts = counters.counter("grid_map_operations_total", Map.of("map", map, "op", "put"));
        removes = counters.counter("grid_map_operations_total", Map.of("map", map, "op", "remove"));
        others = counters.counter("grid_map_operations_total", Map.of("map", map, "op", "other"));
        getTime = counters.timer("grid_map_operation_duration_seconds", Map.of("map", map, "op", "get"));
        putTime = counters.timer("grid_map_operation_duration_seconds", Map.of("map", map, "op", "put"));
        removeTime = counters.timer("grid_map_operation_duration_seconds", Map.of("map", map, "op", "remove"));
    }

    static MapInstruments of(GridCounters counters, String map) {
        return counters == GridCounters.NONE ? NONE : new MapInstruments(counters, map);
    }
}
