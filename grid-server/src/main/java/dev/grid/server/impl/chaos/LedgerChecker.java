package dev.grid.server.impl.chaos;

import dev.grid.core.GridMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every key back and compares it with the ledger: a key must hold at least the highest
 * sequence number whose write was acknowledged before the read began. A lower value (or none) is a
 * lost acknowledged write. Writers may go on meanwhile: their later writes only raise the values.
 */
final class LedgerChecker {
    private static final int BATCH = 500;
    private static final int EXAMPLES = 5;

    private LedgerChecker() {
    }

    /**
     * @param lost     keys whose value is below their acknowledged sequence
     * @param examples up to five of them, described
     */
    record Result(int keysRead, int lost, List<String> examples) {
        boolean ok() {
            return lost == 0;
        }
    }

    static Result check(GridMap<String, Long> map, WriteLedger ledger) {
        int lost = 0;
        List<String> examples = new ArrayList<>();
        for (int first = 0; first < ledger.keys(); first += BATCH) {
            int end = Math.min(ledger.keys(), first + BATCH);
            long[] ackedBefore = new long[end - first];
            Set<String> keys = new HashSet<>();
            for (int key = first; key < end; key++) {
                ackedBefore[key - first] = ledger.ackedSequence(key);
                keys.add(SequenceWriters.key(key));
            }
            Map<String, Long> values = map.getAll(keys);
            for (int key = first; key < end; key++) {
                Long value = values.get(SequenceWriters.key(key));
                long acked = ackedBefore[key - first];
                if (value == null || value < acked) {
                    lost++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(SequenceWriters.key(key) + " holds " + value + " but write " + acked + " was acknowledged");
                    }
                }
            }
        }
        return new Result(ledger.keys(), lost, examples);
    }
}
