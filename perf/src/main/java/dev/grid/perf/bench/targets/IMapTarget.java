package dev.grid.perf.bench.targets;

import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.perf.bench.targets.impl.PartitionScans;

import java.util.Map;

/**
 * Hazelcast's IMap with default settings (BINARY format, one synchronous backup, no near cache) on
 * the same grid members; scans read the start key's partition ({@link PartitionScans#imap}).
 */
final class IMapTarget implements BenchTarget {
    private final Grid grid;
    private final IMap<String, byte[]> map;
    private final PartitionScans.Scan scan;

    IMapTarget(Grid grid, String mapName) {
        this.grid = grid;
        this.map = grid.hazelcast().getMap(mapName);
        this.scan = PartitionScans.imap(map);
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
