package dev.grid.perf.bench.targets;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.perf.bench.targets.impl.PartitionScans;

import java.util.Map;

/** grid's GridMap; scans read the start key's partition ({@link PartitionScans#gridMap}). */
final class GridMapTarget implements BenchTarget {
    private final Grid grid;
    private final GridMap<String, byte[]> map;
    private final PartitionScans.Scan scan;

    GridMapTarget(Grid grid, String mapName) {
        this.grid = grid;
        this.map = grid.map(mapName);
        this.scan = PartitionScans.gridMap(map);
    }

    @Override
    public byte[] read(String key) {
        return map.get(key);
    }

    @Override
    public void update(String key, byte[] record) {
        map.set(key, record);
    }

    @Override
    public void insert(String key, byte[] record) {
        map.set(key, record);
    }

    @Override
    public void load(Map<String, byte[]> records) {
        map.putAll(records);
    }

    @Override
    public int scan(String startKey, int count) {
        return scan.scan(grid.partitions().partitionOf(startKey), count);
    }

    @Override
    public String scanSupport() {
        return null;
    }

    @Override
    public void close() {
        map.destroy();
    }
}
