package dev.grid.perf.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BenchmarkGroupsTest {

    @Test
    void shouldSelectEachGroupsBenchmarksAndNoOthers() throws Exception {
        String[] map = {"LocalGetBenchmark", "LocalPutBenchmark", "ReplicatedSetBenchmark", "GrownGetBenchmark",
            "GrowthPauseBenchmark"};
        for (String name : map) {
            Class.forName("dev.grid.perf." + name); // the grouped classes exist
            assertTrue(matches("map", "dev.grid.perf." + name + ".get"), name);
            assertTrue(!matches("lock", "dev.grid.perf." + name + ".get"), name + " is not a lock benchmark");
        }
        Class.forName("dev.grid.perf.LockBenchmark");
        assertTrue(matches("lock", "dev.grid.perf.LockBenchmark.contended"));
        assertTrue(!matches("map", "dev.grid.perf.LockBenchmark.contended"));
        assertEquals(java.util.List.of("map", "lock", "txn"), java.util.List.copyOf(BenchmarkGroups.names()));
        assertNull(BenchmarkGroups.regex("LocalGet"), "a regex that is not a group passes through to JMH");
    }

    private static boolean matches(String group, String benchmark) {
        return Pattern.compile(BenchmarkGroups.regex(group)).matcher(benchmark).find();
    }
}
