package dev.grid.perf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The on-heap baseline: a {@link ConcurrentHashMap} that keeps references (no copy, no serialization). */
final class ConcurrentHashMapUnderTest implements MapUnderTest {
    private final ConcurrentHashMap<String, byte[]> map;

    ConcurrentHashMapUnderTest(int keys) {
        this.map = new ConcurrentHashMap<>(keys);
    }

    @Override
    public byte[] get(String key) {
        return map.get(key);
    }

    @Override
    public void set(String key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<String, byte[]> entries) {
        map.putAll(entries);
    }

    @Override
    public void close() {
        map.clear();
    }
}
