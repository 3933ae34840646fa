package dev.grid.perf.bench.targets;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.perf.bench.targets.impl.PartitionScans;

import java.util.Map;

/**
 * grid's GridMap, from a member or a client: on a member that owns the key, {@code read} takes the local fast path;
 * scans read the start key's partition ({@link PartitionScans#gridMap}).
 */
public final class GridMapTarget extends PartitionedTarget {
    private final GridMap<String, byte[]> map;

    /** @param grid a member or client; {@code mapName} its GridMap under test */
    public GridMapTarget(Grid grid, String mapName) {
        this(grid, grid.<String, byte[]>map(mapName));
    }

    private GridMapTarget(Grid grid, GridMap<String, byte[]> map) {
        super(grid.partitions(), PartitionScans.gridMap(map));
        this.map = map;
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
    public void load(Map<String, byte[]> records) {
        map.putAll(records);
    }

    @Override
    public String stats() {
        GridMapStats stats = map.localStats();
        return "GridMap on the calling member: " + stats.primaryEntries() + " primary and " + stats.backupEntries()
                + " backup entries, " + stats.gets() + " gets (" + stats.localReads() + " by the local fast path, "
                + stats.misses() + " misses), " + stats.puts() + " writes";
    }

    @Override
    public void close() {
        map.destroy();
    }
}
