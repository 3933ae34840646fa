package dev.grid.perf;

import com.hazelcast.map.IMap;

import java.util.Map;

/** A Hazelcast IMap (default settings: BINARY in-memory format, no near cache), used from an embedded member. */
final class IMapUnderTest implements MapUnderTest {
    private final IMap<String, byte[]> map;

    IMapUnderTest(IMap<String, byte[]> map) {
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
        var stats = map.getLocalMapStats();
        return "IMap on the calling member: " + stats.getOwnedEntryCount() + " owned and " + stats.getBackupEntryCount()
                + " backup entries, " + stats.getGetOperationCount() + " gets, " + stats.getSetOperationCount() + " sets";
    }

    @Override
    public void close() {
        // the members' shutdown frees it
    }
}
