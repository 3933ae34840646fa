package dev.grid.perf.bench.lock;

import dev.grid.core.test.GoldenFiles;
import dev.grid.perf.bench.test.FixedMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** lock.json written from fixed figures and a fixed machine, compared byte for byte with its golden files. */
@Timeout(30)
class LockJsonGoldenTest {

    @Test
    void shouldWriteLockJsonAsTheGoldenFile() {
        LockResult grid = new LockResult(LockCommand.GRID, "ok", null, phases(2214.5, 2177.25));
        LockResult hz = new LockResult(LockCommand.HAZELCAST_54, "ok", null, phases(1107.25, 4354.5));
        GoldenFiles.assertMatches("lock.json", LockCommand.toJson(List.of(grid, hz), FixedMachine.describe()));
    }

    @Test
    void shouldWriteASkippedTargetAsTheGoldenFile() {
        LockResult grid = new LockResult(LockCommand.GRID, "ok", null, phases(2214.5, 2177.25));
        LockResult hz = new LockResult(LockCommand.HAZELCAST_54, "skipped", "perf/target/hazelcast-5.4/hazelcast-5.4.0.jar is missing",
                Map.of());
        GoldenFiles.assertMatches("lock-skipped.json", LockCommand.toJson(List.of(grid, hz), FixedMachine.describe()));
    }

    private static Map<String, LockResult.Phase> phases(double uncontended, double contended) {
        Map<String, LockResult.Phase> phases = new LinkedHashMap<>();
        phases.put("uncontended", new LockResult.Phase(1, uncontended, 451.5, 1203.75, 11_072));
        phases.put("contended", new LockResult.Phase(4, contended, 1830.125, 5012.5, 10_886));
        return phases;
    }
}
