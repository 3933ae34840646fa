package dev.grid.core.test;

import dev.grid.core.GridClock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link GridClock} that runs with the system's clocks plus an offset a test moves forward: for
 * tests of a whole cluster whose other timeouts must still pass in real time (a lock's wait timeout
 * on the CP leader) while one expiry is made to happen at once. Use {@link ManualClock} where
 * nothing needs real time to pass. Thread-safe.
 */
public final class ShiftedClock implements GridClock {
    private final AtomicLong offsetNanos = new AtomicLong();

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetNanos.get() / 1_000_000;
    }

    @Override
    public long nanos() {
        return System.nanoTime() + offsetNanos.get();
    }

    /**
     * Moves the clock forward (it keeps running from there).
     *
     * @param by how far; not negative
     * @return this
     */
    public ShiftedClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, was " + by);
        }
        offsetNanos.addAndGet(by.toNanos());
        return this;
    }

    @Override
    public String toString() {
        return "ShiftedClock{+" + Duration.ofNanos(offsetNanos.get()) + "}";
    }
}
