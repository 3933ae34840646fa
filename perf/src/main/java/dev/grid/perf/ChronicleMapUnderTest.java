package dev.grid.perf;

import net.openhft.chronicle.map.ChronicleMap;

import java.util.Map;

/**
 * The storage floor under GridMap: one raw off-heap Chronicle Map sized for the whole keyspace
 * (GridMap keeps one per partition). {@code get} copies the value into a new array, as GridMap's
 * does; {@code set} is Chronicle's {@code put}, which also returns a copy of the previous value (as
 * GridMap's partition store does when it writes).
 */
final class ChronicleMapUnderTest implements MapUnderTest {
    private final ChronicleMap<String, byte[]> map;

    ChronicleMapUnderTest(int keys, String averageKey, int valueSize) {
        this.map = ChronicleMap.of(String.class, byte[].class)
                .name("perf-raw-chronicle")
                .entries(keys)
                .averageKey(averageKey)
                .averageValueSize(valueSize)
                .create();
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
    public String stats() {
        return "ChronicleMap: " + map.longSize() + " entries, " + map.offHeapMemoryUsed() / (1 << 20) + " MiB off-heap";
    }

    @Override
    public void close() {
        map.close();
    }
}
