package dev.grid.perf.bench.ycsb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class WorkloadMixTest {
    private static final int DRAWS = 200_000;

    @Test
    void shouldDrawEachWorkloadsOperationsInYcsbProportions() {
        assertMix(Workload.A, Map.of(Operation.READ, 0.5, Operation.UPDATE, 0.5));
        assertMix(Workload.B, Map.of(Operation.READ, 0.95, Operation.UPDATE, 0.05));
        assertMix(Workload.C, Map.of(Operation.READ, 1.0));
        assertMix(Workload.D, Map.of(Operation.READ, 0.95, Operation.INSERT, 0.05));
        assertMix(Workload.E, Map.of(Operation.SCAN, 0.95, Operation.INSERT, 0.05));
        assertMix(Workload.F, Map.of(Operation.READ, 0.5, Operation.READ_MODIFY_WRITE, 0.5));
    }

    @Test
    void shouldUseYcsbsKeyDistributions() {
        assertEquals(Distribution.LATEST, Workload.D.defaultDistribution());
        for (Workload w : new Workload[] {Workload.A, Workload.B, Workload.C, Workload.E, Workload.F}) {
            assertEquals(Distribution.ZIPFIAN, w.defaultDistribution(), w.name());
        }
    }

    @Test
    void shouldNameTheBadWorkload() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.parse("G"));
        assertTrue(e.getMessage().contains("'G'"), e.getMessage());
        assertEquals(Workload.B, Workload.parse("b"));
    }

    @Test
    void shouldNeverChooseAKeyBeyondTheLastAcknowledgedInsert() {
        AcknowledgedCounter inserted = new AcknowledgedCounter(1000);
        KeyChooser keys = new KeyChooser(Distribution.ZIPFIAN, 1000, Workload.E, 0.99, inserted);
        SplittableRandom random = new SplittableRandom(7);
        long pending = inserted.next(); // an insert in flight: key 1000 must not be read yet
        for (int i = 0; i < DRAWS; i++) {
            assertTrue(keys.next(random) < pending);
        }
        inserted.acknowledge(pending);
        boolean sawNew = false;
        for (int i = 0; i < DRAWS && !sawNew; i++) {
            sawNew = keys.next(random) == pending;
        }
        assertTrue(sawNew, "an acknowledged insert becomes readable");
    }

    private static void assertMix(Workload workload, Map<Operation, Double> expected) {
        OperationChooser chooser = workload.chooser();
        SplittableRandom random = new SplittableRandom(workload.ordinal());
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(chooser.next(random), 1, Integer::sum);
        }
        assertEquals(expected.keySet(), counts.keySet(), workload + " draws exactly its operations");
        expected.forEach((op, share) -> assertEquals(share, counts.get(op) / (double) DRAWS, 0.005, workload + " " + op));
    }
}
