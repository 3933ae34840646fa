package dev.grid.perf;

import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;

import java.util.Map;

/** A GridMap, used from an embedded member: {@code get} takes the local fast path when the member owns the key. */
final class GridMapUnderTest implements MapUnderTest {
    private final GridMap<String, byte[]> map;

    GridMapUnderTest(GridMap<String, byte[]> map) {
        this.map = map;
    }

    @Override
    public byte[] get(String key) {
        return map.get(key);
    }

    @Override
    public void set(String key, byte[] value) {
        map.set(key, value);
    }

    @Override
    public void putAll(Map<String, byte[]> entries) {
        map.putAll(entries);
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
        // the members' shutdown frees the stores
    }
}
