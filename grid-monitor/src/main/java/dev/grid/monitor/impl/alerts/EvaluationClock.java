package dev.grid.monitor.impl.alerts;

import dev.grid.core.GridClock;

/**
 * The times alert evaluations are stamped with: the clock's reading rounded down to a whole number of
 * evaluation intervals since the epoch (as Prometheus stamps a rule group's evaluations with their slot, not
 * with when the thread got to run). The evaluator's thread is scheduled to run just after each such boundary
 * ({@link #delayToNextBoundary()}), so an evaluation that runs late, by less than an interval, is stamped as if
 * it had run on time: {@code for} durations, {@code activeAt}, {@code firedAt} and {@code resolvedAt} are whole
 * intervals apart whatever the scheduler's jitter. Never goes backwards. Used under the evaluator's lock.
 */
final class EvaluationClock {
    private final GridClock clock;
    private final long intervalMillis;
    private long last = Long.MIN_VALUE;

    EvaluationClock(GridClock clock, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("the evaluation interval must be > 0 ms, was " + intervalMillis);
        }
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    /** @return the time of an evaluation starting now: the last interval boundary at or before the clock's reading */
    long now() {
        long boundary = Math.floorDiv(clock.millis(), intervalMillis) * intervalMillis;
        last = Math.max(last, boundary);
        return last;
    }

    /** @return how long until the clock reaches the next interval boundary (1 to the interval, in ms) */
    long delayToNextBoundary() {
        return intervalMillis - Math.floorMod(clock.millis(), intervalMillis);
    }
}
