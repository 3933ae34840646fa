package dev.grid.perf.bench.lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class LockResultTest {

    @Test
    void shouldParseADriversResultLine() {
        LockResult.Phase phase = LockResult.Phase.parse("RESULT contended 4 989.5 3278.8 14761.6 3958");
        assertEquals(4, phase.threads());
        assertEquals(989.5, phase.pairsPerSecond());
        assertEquals(3278.8, phase.p50Micros());
        assertEquals(14761.6, phase.p99Micros());
        assertEquals(3958, phase.pairs());
        assertThrows(IllegalArgumentException.class, () -> LockResult.Phase.parse("RESULT contended 4"));
    }

    @Test
    void shouldCompareGridWithHazelcast54PhaseByPhase() {
        LockResult grid = new LockResult(LockCommand.GRID, "ok", null, phases(300, 900));
        LockResult hz = new LockResult(LockCommand.HAZELCAST_54, "ok", null, phases(150, 1800));
        Map<String, Double> ratios = LockResult.ratios(List.of(grid, hz));
        assertEquals(2.0, ratios.get("uncontended"), 1e-9);
        assertEquals(0.5, ratios.get("contended"), 1e-9);
        assertTrue(LockResult.table(List.of(grid, hz)).contains("grid / hazelcast-5.4, contended: 0.50x"));
        LockResult skipped = new LockResult(LockCommand.HAZELCAST_54, "skipped", "jar missing", Map.of());
        assertTrue(LockResult.ratios(List.of(grid, skipped)).isEmpty(), "no ratio without both figures");
    }

    private static Map<String, LockResult.Phase> phases(double uncontended, double contended) {
        Map<String, LockResult.Phase> phases = new LinkedHashMap<>();
        phases.put("uncontended", new LockResult.Phase(1, uncontended, 3000, 9000, 1000));
        phases.put("contended", new LockResult.Phase(4, contended, 4000, 12000, 3000));
        return phases;
    }
}
