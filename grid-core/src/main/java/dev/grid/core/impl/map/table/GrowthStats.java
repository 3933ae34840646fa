package dev.grid.core.impl.map.table;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the growing tables of one map behaved on one member: growths started and finished, entries
 * moved, and the time the partition threads spent on growth, step by step (the pauses a growth
 * adds in front of the partition's operations).
 */
public final class GrowthStats {
    private final LongAdder started = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder moved = new LongAdder();
    private final LongAdder steps = new LongAdder();
    private final LongAdder stepNanos = new LongAdder();
    private final LongAdder createdOnPartitionThread = new LongAdder();
    private final LongAccumulator longestStepNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestCreateNanos = new LongAccumulator(Math::max, 0);

    void growthStarted() {
        started.increment();
    }

    void growthFinished() {
        finished.increment();
    }

    void growthRefused() {
        refused.increment();
    }

    void moved(long entries) {
        moved.add(entries);
    }

    /** One piece of growth work the partition thread did (adopting a table, a move step, a wait). */
    void step(long nanos) {
        steps.increment();
        stepNanos.add(nanos);
        longestStepNanos.accumulate(nanos);
    }

    /** A table was created (in the background, or on the partition thread when it could not wait). */
    void created(long nanos, boolean onPartitionThread) {
        longestCreateNanos.accumulate(nanos);
        if (onPartitionThread) {
            createdOnPartitionThread.increment();
        }
    }

    /** @return the figures so far */
    public Snapshot snapshot() {
        return new Snapshot(started.sum(), finished.sum(), refused.sum(), moved.sum(), steps.sum(), stepNanos.sum(),
                longestStepNanos.get(), longestCreateNanos.get(), createdOnPartitionThread.sum());
    }

    /**
     * @param started                  growths begun (a larger table requested)
     * @param finished                 growths whose older table was emptied and freed
     * @param refused                  growths the off-heap budget refused
     * @param moved                    entries moved from older tables to newer ones
     * @param steps                    pieces of growth work done on partition threads
     * @param stepNanos                their total time
     * @param longestStepNanos         the longest of them: the longest pause growth put in front of an operation
     * @param longestCreateNanos       the longest creation of a table (on a background thread unless counted below)
     * @param createdOnPartitionThread tables a partition thread created itself, because a write found the
     *                                 table full before the background thread had started on the new one
     */
    public record Snapshot(long started, long finished, long refused, long moved, long steps, long stepNanos,
                           long longestStepNanos, long longestCreateNanos, long createdOnPartitionThread) {
    }
}
