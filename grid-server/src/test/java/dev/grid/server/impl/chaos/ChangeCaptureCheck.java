package dev.grid.server.impl.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what a client had acknowledged ({@link CapturedWriteChains}: per key, its acknowledged writes in order, a
 * put as its value, a removal as {@link CapturedWriteChains#REMOVE}) with the key's records in its change topic, in
 * offset order (a put as its value, a removal as {@code REMOVE}).
 *
 * <p>What "a key's changes are in the order its owner applied them", with at-least-once delivery, allows for writes of
 * one key that never overlap (each starts after the previous one completed), numbered 1, 2, ... in the order issued:
 * <ul>
 *   <li>Every acknowledged write has a record, and the acknowledged writes' records appear in the order the writes were
 *       acknowledged: the list of acknowledged writes is a <em>subsequence</em> of the key's records. Each write was
 *       applied and its change stored before it was acknowledged, so before the next write began, whichever member
 *       owned the key then.</li>
 *   <li>Extra records are allowed: a write stored twice (the owner died after appending, the write was sent again and
 *       the new owner appended it again), and records of writes that were not acknowledged (failed or indeterminate:
 *       applied and appended although the caller saw a failure).</li>
 *   <li>A record of write {@code j}, a repeat or an unacknowledged write's included, must come after the record of the
 *       last acknowledged write numbered below {@code j} (that one was acknowledged before any attempt of {@code j}
 *       began). It may come after records of later writes: a repeat still on its way from an owner that died, or a
 *       failed write applied late, is not ordered against writes that began after it began.</li>
 * </ul>
 * Two writes of one key in flight at once are not checked: their order is not promised across an owner change.
 *
 * <p>The figures: <b>lost</b> counts acknowledged puts whose value is not in the topic, and acknowledged removals with
 * no removal record between the record of the acknowledged write before them and the first record of a later write
 * (removals carry no value: they are told apart by their place only); <b>out of order</b> counts acknowledged puts that
 * are in the topic but not after the previous acknowledged write's record (greedy earliest matching, which decides
 * exactly whether the acknowledged writes are a subsequence), plus put records that come before the record of an
 * acknowledged write numbered below theirs; <b>duplicated</b> counts put records beyond the first of their value (a
 * removal's repeats cannot be told apart and are not counted). {@code lost == 0 && outOfOrder == 0} holds exactly when
 * each key's acknowledged writes are a subsequence of its records and no put record precedes the record of an
 * acknowledged write numbered below it.
 */
final class ChangeCaptureCheck {

    /** What the check found. */
    record Outcome(long acknowledged, long changes, long lost, long duplicated, long outOfOrder, long unacknowledgedInTopic,
                   Map<String, Long> lostByCall, List<String> examples) {
        String line() {
            return String.format("acknowledged %d writes, changes %d, lost %d, duplicated %d, out of order %d",
                    acknowledged, changes, lost, duplicated, outOfOrder);
        }
    }

    private ChangeCaptureCheck() {
    }

    /**
     * @param acknowledgedPerKey each key's acknowledged writes, in order (index = key)
     * @param callsPerKey        each key's acknowledged writes' calls, in the same order (for the lost writes' count by call)
     * @param recordsPerKey      each key's records in the change topic, in offset order (keys without records absent)
     */
    static Outcome check(List<List<Long>> acknowledgedPerKey, List<List<String>> callsPerKey, Map<Integer, List<Long>> recordsPerKey) {
        long acknowledged = 0;
        long changes = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long unacknowledgedInTopic = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Long> lostByCall = new TreeMap<>();
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
            for (int index : figures.lostIndexes) {
                lostByCall.merge(callsPerKey.get(key).get(index), 1L, Long::sum);
            }
            if ((figures.lost > 0 || figures.outOfOrder > 0) && examples.size() < 5) {
                examples.add("key " + key + ": acknowledged " + tail(expected) + ", topic " + tail(records) + " (lost " + figures.lost
                        + ", out of order " + figures.outOfOrder + ")");
            }
        }
        return new Outcome(acknowledged, changes, lost, duplicated, outOfOrder, unacknowledgedInTopic, lostByCall, examples);
    }

    private record KeyFigures(long lost, long duplicated, long outOfOrder, long unacknowledged, List<Integer> lostIndexes) {
    }

    private static KeyFigures checkKey(List<Long> expected, List<Long> records) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long record : records) {
            counts.merge(record, 1, Integer::sum);
        }
        // greedy earliest matching of the acknowledged writes, in order, against the records. A write's number: a put's
        // is its value, a removal's the value of the acknowledged put right before it plus one.
        long[] numbers = new long[expected.size()];
        int[] lastMatchUpTo = new int[expected.size()]; // the position of the last record matched to writes 0..i
        long lost = 0;
        List<Integer> lostIndexes = new ArrayList<>();
        long outOfOrder = 0;
        int from = 0;
        long previousPut = 0;
        for (int i = 0; i < expected.size(); i++) {
            long write = expected.get(i);
            boolean removal = write == CapturedWriteChains.REMOVE;
            numbers[i] = removal ? previousPut + 1 : write;
            int matched = removal ? matchRemoval(records, from, numbers[i]) : matchPut(records, from, write);
            if (matched >= 0) {
                from = matched + 1;
            } else if (removal || !counts.containsKey(write)) {
                lost++;
                lostIndexes.add(i);
            } else {
                outOfOrder++;
            }
            lastMatchUpTo[i] = from - 1;
            previousPut = removal ? previousPut : write;
        }

        // a put record of write v must come after the record matched to the last acknowledged write numbered below v
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
        return new KeyFigures(lost, duplicated, outOfOrder, unacknowledged, lostIndexes);
    }

    /** @return the position of the first record of the put's value at or after {@code from}, or -1 */
    private static int matchPut(List<Long> records, int from, long value) {
        for (int at = from; at < records.size(); at++) {
            if (records.get(at) == value) {
                return at;
            }
        }
        return -1;
    }

    /**
     * @return the position of the first removal record at or after {@code from} and before any record of a put numbered
     *         above the removal's {@code number} (a later write's record: the removal's must come before it), or -1
     */
    private static int matchRemoval(List<Long> records, int from, long number) {
        for (int at = from; at < records.size(); at++) {
            long record = records.get(at);
            if (record == CapturedWriteChains.REMOVE) {
                return at;
            }
            if (record > number) {
                return -1;
            }
        }
        return -1;
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
