package dev.grid.core.impl.map.table;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the growing tables of one map behaved on one member: growths started and finished, entries
 * moved, and the time the partition threads spent on growth, step by step (the pauses a growth
 * adds in front of the partition's operations).
 */
public final class GrowthStats {
    /** Steps longer than this are counted apart ({@link Snapshot#slowSteps}): a move step is meant to take at most 0.5 ms. */
    static final long SLOW_STEP_NANOS = 1_000_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** The kinds of growth work a partition thread does. */
    enum Step {
        /** Adding a table the background thread created to the chain. */
        ADOPT,
        /** Moving a batch of entries from the oldest table into the newest. */
        MOVE,
        /** A write found the newest table full: it waited for the larger table (or created it itself). */
        WAIT
    }

    private final LongAdder started = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder moved = new LongAdder();
    private final LongAdder steps = new LongAdder();
    private final LongAdder stepNanos = new LongAdder();
    private final LongAdder slowSteps = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder createdOnPartitionThread = new LongAdder();
    private final LongAccumulator longestStepNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestStepCpuNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestAdoptNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestMoveNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestWaitNanos = new LongAccumulator(Math::max, 0);
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

    /**
     * @return the CPU time the calling thread has used, in ns (0 where the JVM does not measure it): a step's
     *         CPU time is its own work, without the time the thread waited, was descheduled or stopped by the JVM
     */
    static long threadCpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** One piece of growth work the partition thread did: {@code nanos} of wall time, {@code cpuNanos} of its CPU time. */
    void step(Step kind, long nanos, long cpuNanos) {
        steps.increment();
        longestStepCpuNanos.accumulate(cpuNanos);
        stepNanos.add(nanos);
        longestStepNanos.accumulate(nanos);
        if (nanos > SLOW_STEP_NANOS) {
            slowSteps.increment();
        }
        switch (kind) {
            case ADOPT -> longestAdoptNanos.accumulate(nanos);
            case MOVE -> longestMoveNanos.accumulate(nanos);
            case WAIT -> {
                waits.increment();
                longestWaitNanos.accumulate(nanos);
            }
        }
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
                longestStepNanos.get(), longestStepCpuNanos.get(), slowSteps.sum(), longestAdoptNanos.get(),
                longestMoveNanos.get(), waits.sum(), longestWaitNanos.get(), longestCreateNanos.get(), createdOnPartitionThread.sum());
    }

    /**
     * @param started                  growths begun (a larger table requested)
     * @param finished                 growths whose older table was emptied and freed
     * @param refused                  growths the off-heap budget refused
     * @param moved                    entries moved from older tables to newer ones
     * @param steps                    pieces of growth work done on partition threads
     * @param stepNanos                their total time
     * @param longestStepNanos         the longest of them: the longest pause growth put in front of an operation
     * @param longestStepCpuNanos      the most CPU time one step used (its own work: a long step that used little was
     *                                 waiting, descheduled by the OS or stopped by the JVM)
     * @param slowSteps                steps longer than 1 ms (a move step stops after 0.5 ms; a longer one was
     *                                 descheduled or stopped by the JVM, or was a wait)
     * @param longestAdoptNanos        the longest adoption of a created table
     * @param longestMoveNanos         the longest move step
     * @param waits                    writes that found the newest table full and waited for the larger one
     * @param longestWaitNanos         the longest of those waits
     * @param longestCreateNanos       the longest creation of a table (on a background thread unless counted below)
     * @param createdOnPartitionThread tables a partition thread created itself, because a write found the
     *                                 table full before the background thread had started on the new one
     */
    public record Snapshot(long started, long finished, long refused, long moved, long steps, long stepNanos,
                           long longestStepNanos, long longestStepCpuNanos, long slowSteps, long longestAdoptNanos,
                           long longestMoveNanos, long waits, long longestWaitNanos, long longestCreateNanos, long createdOnPartitionThread) {
    }
}
