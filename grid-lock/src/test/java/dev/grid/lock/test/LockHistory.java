package dev.grid.lock.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of every acquisition and release of one lock, each with the real-time interval of the
 * call (System.nanoTime before the call and after its answer), and the checks a correct FencedLock
 * passes on it:
 * <ul>
 *   <li>fences are unique, and holders follow each other in fence order: each acknowledged holder
 *       started its release before the next holder (next higher fence) was told it holds the lock,
 *       so no two acknowledged holds overlap;</li>
 *   <li>fences respect real time: an acquisition answered before another started has the lower fence.</li>
 * </ul>
 * A hold whose release was never acknowledged (its member died, or it lost the lock) bounds nothing.
 */
public final class LockHistory {
    private final List<Hold> holds = new ArrayList<>();
    private final Map<String, Hold> open = new HashMap<>();

    /** One acquisition, and its release if any. */
    public static final class Hold {
        final String worker;
        final long acquireStart;
        final long acquireEnd;
        final long fence;
        long releaseStart = Long.MAX_VALUE;
        long releaseEnd = Long.MAX_VALUE;
        boolean released;

        Hold(String worker, long acquireStart, long acquireEnd, long fence) {
            this.worker = worker;
            this.acquireStart = acquireStart;
            this.acquireEnd = acquireEnd;
            this.fence = fence;
        }

        @Override
        public String toString() {
            return worker + " fence " + fence + " acquired [" + acquireStart + ", " + acquireEnd + "] released "
                    + (released ? "[" + releaseStart + ", " + releaseEnd + "]" : "never (acknowledged)");
        }
    }

    public synchronized void acquired(String worker, long start, long end, long fence) {
        if (open.containsKey(worker)) {
            throw new IllegalStateException(worker + " acquired again without releasing: " + open.get(worker));
        }
        Hold hold = new Hold(worker, start, end, fence);
        holds.add(hold);
        open.put(worker, hold);
    }

    /** @param acknowledged false if the release failed (the worker lost the lock, or its member died) */
    public synchronized void released(String worker, long start, long end, boolean acknowledged) {
        Hold hold = open.remove(worker);
        if (hold == null) {
            throw new IllegalStateException(worker + " released without holding");
        }
        hold.releaseStart = start;
        hold.releaseEnd = end;
        hold.released = acknowledged;
    }

    public synchronized int size() {
        return holds.size();
    }

    public synchronized long releasedCount() {
        return holds.stream().filter(h -> h.released).count();
    }

    /** @return the violations found, empty if the history is correct */
    public synchronized List<String> violations() {
        List<String> violations = new ArrayList<>();
        List<Hold> byFence = new ArrayList<>(holds);
        byFence.sort(Comparator.comparingLong(h -> h.fence));
        for (int i = 1; i < byFence.size(); i++) {
            Hold previous = byFence.get(i - 1);
            Hold next = byFence.get(i);
            if (previous.fence == next.fence) {
                violations.add("two acquisitions with fence " + next.fence + ": " + previous + " / " + next);
            } else if (previous.released && previous.releaseStart > next.acquireEnd) {
                violations.add("overlapping holders: " + next + " was told it holds the lock before " + previous + " released it");
            }
        }
        // real-time order: whatever was answered before another call started has the lower fence
        List<Hold> byAnswer = new ArrayList<>(holds);
        byAnswer.sort(Comparator.comparingLong(h -> h.acquireEnd));
        List<Hold> byStart = new ArrayList<>(holds);
        byStart.sort(Comparator.comparingLong(h -> h.acquireStart));
        int answered = 0;
        Hold highestAnswered = null;
        for (Hold hold : byStart) {
            while (answered < byAnswer.size() && byAnswer.get(answered).acquireEnd < hold.acquireStart) {
                Hold candidate = byAnswer.get(answered++);
                if (highestAnswered == null || candidate.fence > highestAnswered.fence) {
                    highestAnswered = candidate;
                }
            }
            if (highestAnswered != null && highestAnswered.fence >= hold.fence) {
                violations.add("fence went back in real time: " + highestAnswered + " was answered before " + hold + " started");
            }
        }
        return violations;
    }
}
