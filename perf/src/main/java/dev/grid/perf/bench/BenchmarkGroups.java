package dev.grid.perf.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH benchmarks in the jar, grouped by intent, so {@code grid bench jmh map} runs the map
 * benchmarks. Groups list class names (the benchmark classes stay where they are).
 */
final class BenchmarkGroups {
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("map", List.of("LocalGetBenchmark", "LocalPutBenchmark", "ReplicatedSetBenchmark", "GrownGetBenchmark",
                "GrowthPauseBenchmark"));
        GROUPS.put("lock", List.of("LockBenchmark"));
        GROUPS.put("txn", List.of("Txn[A-Za-z]*Benchmark"));
    }

    private BenchmarkGroups() {
    }

    static Set<String> names() {
        return GROUPS.keySet();
    }

    /** @return the JMH include regex of a group, or null if {@code name} is not a group */
    static String regex(String name) {
        List<String> classes = GROUPS.get(name);
        return classes == null ? null : "\\.(" + String.join("|", classes) + ")\\.";
    }
}
