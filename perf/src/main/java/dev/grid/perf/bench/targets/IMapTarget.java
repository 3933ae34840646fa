package dev.grid.perf.bench.targets;

import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import dev.grid.core.Grid;
import dev.grid.perf.bench.targets.impl.PartitionScans;

import java.util.Map;

/**
 * Hazelcast's IMap with default settings (BINARY format, one synchronous backup, no near cache) on the same grid
 * members; scans read the start key's partition ({@link PartitionScans#imap}).
 */
public final class IMapTarget extends PartitionedTarget {
    private final IMap<String, byte[]> map;

    /** @param grid a member or client; {@code mapName} its IMap under test */
    public IMapTarget(Grid grid, String mapName) {
        this(grid, grid.hazelcast().<String, byte[]>getMap(mapName));
    }

    private IMapTarget(Grid grid, IMap<String, byte[]> map) {
        super(grid.partitions(), PartitionScans.imap(map));
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
        LocalMapStats stats = map.getLocalMapStats();
        return "IMap on the calling member: " + stats.getOwnedEntryCount() + " owned and " + stats.getBackupEntryCount()
                + " backup entries, " + stats.getGetOperationCount() + " gets, " + stats.getSetOperationCount() + " sets";
    }

    @Override
    public void close() {
        map.destroy();
    }
}
