package dev.grid.perf.bench.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the sink must show, from the events the harness appended: each product's sum per window (and, for latency runs,
 * when each of its events was due), and each product's total. {@link #keysToPoll} and {@link #seen} follow the windows
 * until the sink shows each one: a window's value that is not its sum is kept as a wrong result. Thread-safe: the sender
 * adds while the poller reads.
 */
final class ExpectedResults {
    /** Windows looked at per poll, oldest first. */
    private static final int POLLED_WINDOWS = 4;
    /** Keys read per poll at most. */
    private static final int MAX_KEYS = 2_000;

    /** One product's window: its expected sum, its events and, when kept, when each was due (nanoTime). */
    static final class Cell {
        final String product;
        final long windowEnd;
        long sum;
        int events;
        long[] due = new long[0];

        private Cell(String product, long windowEnd) {
            this.product = product;
            this.windowEnd = windowEnd;
        }

        String key() {
            return StreamPipelines.resultKey(product, windowEnd);
        }
    }

    /** Told about each window result the sink shows with its expected value. */
    @FunctionalInterface
    interface Visible {
        void visible(Cell cell, long seenNanos);
    }

    private final boolean keepDueTimes;
    private final TreeMap<Long, Map<String, Cell>> pending = new TreeMap<>();
    private final Map<String, Cell> pendingByKey = new HashMap<>();
    private final Set<Long> windowsWithResults = new HashSet<>();
    private final Map<String, Long> totals = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    private long windows;
    private long wrongCount;

    /** @param keepDueTimes whether to keep each event's due time (latency runs) */
    ExpectedResults(boolean keepDueTimes) {
        this.keepDueTimes = keepDueTimes;
    }

    /** Counts an event in its product's window and total. */
    synchronized void add(String product, long amount, long timestampMillis, long dueNanos) {
        long end = StreamPipelines.windowEnd(timestampMillis);
        Cell cell = pending.computeIfAbsent(end, e -> new LinkedHashMap<>()).computeIfAbsent(product, p -> {
            Cell c = new Cell(p, end);
            pendingByKey.put(c.key(), c);
            windows++;
            return c;
        });
        if (keepDueTimes) {
            if (cell.events == cell.due.length) {
                cell.due = Arrays.copyOf(cell.due, Math.max(16, cell.events * 2));
            }
            cell.due[cell.events] = dueNanos;
        }
        cell.sum += amount;
        cell.events++;
        totals.merge(product, amount, Long::sum);
    }

    /**
     * @param upToEnd windows ending at or before this (epoch ms) can be complete in the sink (every event of theirs was appended)
     * @return the keys to read next, oldest windows first: every key still missing of the windows whose results have
     *         started to appear, and one key (a probe) of each of the next {@value #POLLED_WINDOWS} windows; at most
     *         {@value #MAX_KEYS}
     */
    synchronized Set<String> keysToPoll(long upToEnd) {
        Set<String> keys = new LinkedHashSet<>();
        int probed = 0;
        for (Map.Entry<Long, Map<String, Cell>> window : pending.headMap(upToEnd, true).entrySet()) {
            if (probed == POLLED_WINDOWS || keys.size() >= MAX_KEYS) {
                break;
            }
            Iterator<Cell> cells = window.getValue().values().iterator();
            if (windowsWithResults.contains(window.getKey())) {
                while (cells.hasNext() && keys.size() < MAX_KEYS) {
                    keys.add(cells.next().key());
                }
            } else if (cells.hasNext()) {
                keys.add(cells.next().key());
                probed++;
            }
        }
        return keys;
    }

    /**
     * Takes what the sink showed: a value equal to the window's sum makes it visible (told to {@code visible}), another
     * is kept as wrong; either way the window is no longer polled.
     *
     * @return how many results became visible
     */
    synchronized int seen(Map<String, Long> values, long seenNanos, Visible visible) {
        int count = 0;
        for (Map.Entry<String, Long> v : values.entrySet()) {
            Cell cell = pendingByKey.remove(v.getKey());
            if (cell == null || v.getValue() == null) {
                continue;
            }
            Map<String, Cell> window = pending.get(cell.windowEnd);
            window.remove(cell.product);
            if (window.isEmpty()) {
                pending.remove(cell.windowEnd);
                windowsWithResults.remove(cell.windowEnd);
            } else {
                windowsWithResults.add(cell.windowEnd);
            }
            if (v.getValue() == cell.sum) {
                visible.visible(cell, seenNanos);
                count++;
            } else {
                wrongCount++;
                if (wrong.size() < 10) {
                    wrong.add(cell.key() + " = " + v.getValue() + ", its events sum to " + cell.sum);
                }
            }
        }
        return count;
    }

    /** @return result keys (product windows) not shown by the sink yet */
    synchronized int pendingCount() {
        return pendingByKey.size();
    }

    /** @return a key still missing, or null */
    synchronized String firstPending() {
        return pending.isEmpty() ? null : pending.firstEntry().getValue().values().iterator().next().key();
    }

    /** @return result keys (product windows) the events make */
    synchronized long windows() {
        return windows;
    }

    /** @return each product's total over the events */
    synchronized Map<String, Long> totals() {
        return new TreeMap<>(totals);
    }

    /** @return how many window results the sink showed with another value than their sum */
    synchronized long wrongCount() {
        return wrongCount;
    }

    /** @return window results the sink showed with another value than their sum (the first ten) */
    synchronized List<String> wrong() {
        return List.copyOf(wrong);
    }
}
