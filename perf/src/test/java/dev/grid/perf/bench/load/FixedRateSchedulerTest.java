package dev.grid.perf.bench.load;

import dev.grid.perf.bench.targets.ChmTarget;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixed-rate scheduler measures from each operation's intended start: a target that stalls once
 * for 300 ms, at 2,000 ops/s, delays the ~600 operations that should have started during the stall,
 * and they must all show it. Measured from the actual send (as max-throughput mode does), the same
 * stall shows up in one operation only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FixedRateSchedulerTest {
    private static final long STALL_MILLIS = 300;
    private static final double RATE = 2000;

    @Test
    void shouldChargeAStallToEveryOperationScheduledDuringIt() {
        Measurement m = run(RATE);
        Histogram h = m.all();
        assertTrue(h.getMaxValue() >= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS), "the stalled operation itself: max " + h.getMaxValue());
        long over100ms = countAtOrAbove(h, TimeUnit.MILLISECONDS.toNanos(100));
        // ~600 operations were due during the stall; those due in its first 200 ms waited >= 100 ms: about 400
        assertTrue(over100ms >= 300, "operations scheduled during the stall must record it: " + over100ms + " >= 100 ms");
        assertTrue(h.getValueAtPercentile(90) >= TimeUnit.MILLISECONDS.toNanos(10),
                "with ~600 of ~3000 operations delayed, p90 reflects the stall: " + h.getValueAtPercentile(90) / 1000 + " µs");
        // the schedule caught up after the stall: throughput is the target rate
        assertEquals(RATE, m.throughput(), RATE * 0.15);
        assertFalse(m.behindSchedule());
    }

    @Test
    void shouldRecordTheStallOnceWhenRunningFlatOut() {
        Measurement m = run(0);
        long over100ms = countAtOrAbove(m.all(), TimeUnit.MILLISECONDS.toNanos(100));
        assertTrue(over100ms >= 1, "the stalled call itself");
        assertTrue(over100ms < 20, "max-throughput mode times each call alone: " + over100ms + " calls >= 100 ms");
    }

    private static Measurement run(double rate) {
        StallingTarget target = new StallingTarget(500);
        LoadSpec spec = new LoadSpec(Workload.C, Distribution.UNIFORM, 0.99, 100, 1, 10, 1, Duration.ZERO,
                Duration.ofMillis(1500), rate, 1);
        return new LoadRunner(target, spec, p -> { }, () -> false, "stall").run();
    }

    private static long countAtOrAbove(Histogram h, long nanos) {
        return h.getCountBetweenValues(nanos, h.getMaxValue());
    }

    /** Answers reads at once, except the n-th, which takes 300 ms. */
    private static final class StallingTarget extends ChmTarget {
        private final AtomicLong reads = new AtomicLong();
        private final long stallAt;

        StallingTarget(long stallAt) {
            super(100);
            this.stallAt = stallAt;
        }

        @Override
        public byte[] read(String key) {
            if (reads.incrementAndGet() == stallAt) {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
            }
            return super.read(key);
        }
    }
}
