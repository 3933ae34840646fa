package dev.grid.core.test;

import dev.grid.core.GridClock;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@link GridClock} that stands still until a test advances it: both readings move by exactly
 * what {@link #advance} says, so a test can put an expiry one millisecond away and check that
 * nothing happens until that millisecond passes. Give the same clock to every member of a test
 * cluster ({@code GridConfig.setClock}). Thread-safe.
 */
public final class ManualClock implements GridClock {
    /** Where a clock made with {@link #ManualClock()} starts: a round, recognisable instant. */
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final long startMillis;
    private long elapsedNanos;

    /** A clock at {@link #START}. */
    public ManualClock() {
        this(START);
    }

    /** @param start the clock's wall-clock reading until it is advanced */
    public ManualClock(Instant start) {
        this.startMillis = start.toEpochMilli();
    }

    @Override
    public synchronized long millis() {
        return startMillis + elapsedNanos / 1_000_000;
    }

    @Override
    public synchronized long nanos() {
        return elapsedNanos;
    }

    /** @return how far the clock has been advanced since it was made */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far; not negative (a monotonic clock never goes back)
     * @return this
     */
    public ManualClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, was " + by);
        }
        synchronized (this) {
            elapsedNanos += by.toNanos();
        }
        return this;
    }

    /** @return this clock's wall-clock reading as an instant */
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public String toString() {
        return "ManualClock{" + instant() + ", advanced " + elapsed() + "}";
    }
}
