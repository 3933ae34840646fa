package dev.grid.perf.bench.targets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code ConcurrentHashMap} in this JVM: keeps references, copies nothing, serializes nothing; the on-heap floor.
 * Open for tests that need an in-process target with one behaviour changed.
 */
public class ChmTarget implements BenchTarget {
    private final ConcurrentHashMap<String, byte[]> map;

    /** @param initialCapacity entries the map holds before it resizes ({@link ConcurrentHashMap#ConcurrentHashMap(int)}) */
    public ChmTarget(int initialCapacity) {
        this.map = new ConcurrentHashMap<>(initialCapacity);
    }

    /** @return a target sized for {@code records} and as many inserts (workloads D and E insert) */
    public static ChmTarget forRecords(long records) {
        return new ChmTarget((int) Math.min(Integer.MAX_VALUE / 2, records * 2));
    }

    @Override
    public byte[] read(String key) {
        return map.get(key);
    }

    @Override
    public void update(String key, byte[] record) {
        map.put(key, record);
    }

    @Override
    public void load(Map<String, byte[]> records) {
        map.putAll(records);
    }

    @Override
    public int scan(String startKey, int count) {
        throw new UnsupportedOperationException(scanSupport());
    }

    @Override
    public String scanSupport() {
        return "a ConcurrentHashMap has neither key order nor partitions to scan";
    }

    @Override
    public void close() {
        map.clear();
    }
}
