package dev.grid.perf;

import dev.grid.perf.bench.targets.BenchTarget;
import net.openhft.chronicle.map.ChronicleMap;

import java.util.Map;

/**
 * The storage floor under GridMap: one raw off-heap Chronicle Map sized for the whole keyspace
 * (GridMap keeps one per partition). {@code read} copies the value into a new array, as GridMap's
 * does; {@code update} is Chronicle's {@code put}, which also returns a copy of the previous value (as
 * GridMap's partition store does when it writes).
 */
final class ChronicleMapTarget implements BenchTarget {
    private final ChronicleMap<String, byte[]> map;

    ChronicleMapTarget(int keys, String averageKey, int valueSize) {
        this.map = ChronicleMap.of(String.class, byte[].class)
                .name("perf-raw-chronicle")
                .entries(keys)
                .averageKey(averageKey)
                .averageValueSize(valueSize)
                .create();
    }

    @Override
    public byte[] read(String key) {
        return map.get(key);
    }

    @Override
    public void update(String key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public void load(Map<String, byte[]> entries) {
        map.putAll(entries);
    }

    @Override
    public int scan(String startKey, int count) {
        throw new UnsupportedOperationException(scanSupport());
    }

    @Override
    public String scanSupport() {
        return "the benchmarks' raw Chronicle Map is not scanned";
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
