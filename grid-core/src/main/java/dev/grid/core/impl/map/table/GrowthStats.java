package dev.grid.core.impl.map.table;

import dev.grid.core.spi.GrowthSnapshot;

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
    /** Steps longer than this are counted apart ({@link GrowthSnapshot#slowSteps}): a move step is meant to take at most 0.5 ms. */
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
    public GrowthSnapshot snapshot() {
        return new GrowthSnapshot(started.sum(), finished.sum(), refused.sum(), moved.sum(), steps.sum(), stepNanos.sum(),
                longestStepNanos.get(), longestStepCpuNanos.get(), slowSteps.sum(), longestAdoptNanos.get(),
                longestMoveNanos.get(), waits.sum(), longestWaitNanos.get(), longestCreateNanos.get(), createdOnPartitionThread.sum());
    }
}
