package dev.grid.server.impl.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what a client had acknowledged ({@link CapturedWriteChains}: per key, its acknowledged writes in order, a
 * put as its value, a removal as {@link CapturedWriteChains#REMOVE}) with the key's records in its change topic, in
 * offset order (a put as its value, a removal as {@code REMOVE}).
 *
 * <p>What the promise allows, for writes of one key that never overlap (each starts after the previous one completed):
 * <ul>
 *   <li>Every acknowledged write has a record, and the acknowledged writes' records appear in the order the writes were
 *       acknowledged: the list of acknowledged writes is a <em>subsequence</em> of the key's records. Each write was
 *       applied (and its change stored) before it was acknowledged, so before the next write began, whichever member
 *       owned the key.</li>
 *   <li>Extra records are allowed: a write stored twice (at least once: the owner died after appending, the write was
 *       sent again and the new owner appended it again, before the write was acknowledged), and records of writes that
 *       were not acknowledged (failed or indeterminate: applied and appended although the caller saw a failure).</li>
 *   <li>But no record of a write comes before the record of an acknowledged write that the key had before that write
 *       began: a put's record (its value says which write it is) must come after the first record of the last
 *       acknowledged write before it (a repeat or a late record of write {@code j} may follow write {@code j+1}'s record
 *       only if {@code j} was not acknowledged before {@code j+1} began, which cannot be: so it may not).</li>
 * </ul>
 *
 * <p>The figures: <b>lost</b> counts acknowledged puts whose value is not in the topic, plus, per key, acknowledged
 * removals beyond the removal records (removals carry no value, so they are told apart only by their place);
 * <b>out of order</b> counts acknowledged writes that are in the topic but not after the previous acknowledged write's
 * record (greedy earliest matching, exact for "is a subsequence"), plus put records that come before the record of an
 * acknowledged write that preceded them; <b>duplicated</b> counts put records beyond the first of their value (the
 * repeats of removals cannot be told apart and are not counted). {@code lost == 0 && outOfOrder == 0} holds exactly
 * when each key's acknowledged writes are a subsequence of its records and no put record precedes an earlier
 * acknowledged write's record.
 */
final class ChangeCaptureCheck {

    /** What the check found. */
    record Outcome(long acknowledged, long changes, long lost, long duplicated, long outOfOrder, long unacknowledgedInTopic,
                   List<String> examples) {
        String line() {
            return String.format("acknowledged %d writes, changes %d, lost %d, duplicated %d, out of order %d",
                    acknowledged, changes, lost, duplicated, outOfOrder);
        }
    }

    private ChangeCaptureCheck() {
    }

    /**
     * @param acknowledgedPerKey each key's acknowledged writes, in order (index = key)
     * @param recordsPerKey      each key's records in the change topic, in offset order (keys without records absent)
     */
    static Outcome check(List<List<Long>> acknowledgedPerKey, Map<Integer, List<Long>> recordsPerKey) {
        long acknowledged = 0;
        long changes = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long unacknowledgedInTopic = 0;
        List<String> examples = new ArrayList<>();
        for (List<Long> records : recordsPerKey.values()) {
            changes += records.size();
        }
        for (int key = 0; key < acknowledgedPerKey.size(); key++) {
            List<Long> expected = acknowledgedPerKey.get(key);
            List<Long> records = recordsPerKey.getOrDefault(key, List.of());
            acknowledged += expected.size();
            KeyFigures figures = checkKey(expected, records);
            lost += figures.lost;
            duplicated += figures.duplicated;
            outOfOrder += figures.outOfOrder;
            unacknowledgedInTopic += figures.unacknowledged;
            if ((figures.lost > 0 || figures.outOfOrder > 0) && examples.size() < 5) {
                examples.add("key " + key + ": acknowledged " + tail(expected) + ", topic " + tail(records) + " (lost " + figures.lost
                        + ", out of order " + figures.outOfOrder + ")");
            }
        }
        return new Outcome(acknowledged, changes, lost, duplicated, outOfOrder, unacknowledgedInTopic, examples);
    }

    private record KeyFigures(long lost, long duplicated, long outOfOrder, long unacknowledged) {
    }

    private static KeyFigures checkKey(List<Long> expected, List<Long> records) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long record : records) {
            counts.merge(record, 1, Integer::sum);
        }
        long lost = 0;
        long removalsExpected = 0;
        for (long write : expected) {
            if (write == CapturedWriteChains.REMOVE) {
                removalsExpected++;
            } else if (!counts.containsKey(write)) {
                lost++;
            }
        }
        lost += Math.max(0, removalsExpected - counts.getOrDefault(CapturedWriteChains.REMOVE, 0));

        // greedy earliest matching of the acknowledged writes, in order, against the records; matchedAt[i] = position
        int[] matchedAt = new int[expected.size()];
        long unmatched = 0;
        int from = 0;
        for (int i = 0; i < expected.size(); i++) {
            matchedAt[i] = -1;
            for (int at = from; at < records.size(); at++) {
                if (records.get(at).equals(expected.get(i))) {
                    matchedAt[i] = at;
                    from = at + 1;
                    break;
                }
            }
            if (matchedAt[i] < 0) {
                unmatched++;
            }
        }
        long outOfOrder = unmatched - lost;

        // a put record of value v (write v) must come after the match of the last acknowledged write numbered below v:
        // a put's number is its value, a removal's the number of the acknowledged put right before it plus one
        long[] numbers = new long[expected.size()];
        int[] lastMatchUpTo = new int[expected.size()];
        long previousPut = 0;
        int lastMatch = -1;
        for (int i = 0; i < expected.size(); i++) {
            long write = expected.get(i);
            numbers[i] = write == CapturedWriteChains.REMOVE ? previousPut + 1 : write;
            previousPut = write == CapturedWriteChains.REMOVE ? previousPut : write;
            lastMatch = matchedAt[i] >= 0 ? matchedAt[i] : lastMatch;
            lastMatchUpTo[i] = lastMatch;
        }
        Set<Long> acknowledgedValues = new HashSet<>(expected);
        long unacknowledged = 0;
        for (int at = 0; at < records.size(); at++) {
            long value = records.get(at);
            if (value == CapturedWriteChains.REMOVE) {
                continue;
            }
            if (!acknowledgedValues.contains(value)) {
                unacknowledged++;
            }
            int before = lastBelow(numbers, value);
            if (before >= 0 && at < lastMatchUpTo[before]) {
                outOfOrder++;
            }
        }
        long duplicated = 0;
        for (Map.Entry<Long, Integer> count : counts.entrySet()) {
            if (count.getKey() != CapturedWriteChains.REMOVE) {
                duplicated += count.getValue() - 1;
            }
        }
        return new KeyFigures(lost, duplicated, outOfOrder, unacknowledged);
    }

    /** @return the index of the last acknowledged write numbered below {@code value} (numbers ascend), or -1 */
    private static int lastBelow(long[] numbers, long value) {
        int low = 0;
        int high = numbers.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (numbers[middle] < value) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private static String tail(List<Long> values) {
        List<String> shown = new ArrayList<>();
        for (int i = Math.max(0, values.size() - 12); i < values.size(); i++) {
            shown.add(values.get(i) == CapturedWriteChains.REMOVE ? "remove" : Long.toString(values.get(i)));
        }
        return (values.size() > 12 ? "[..." : "[") + String.join(", ", shown) + "]";
    }
}
