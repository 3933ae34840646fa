package dev.grid.perf.bench.stream;

/**
 * Epoch milliseconds (events' timestamps, windows' ends: what the members see) against this JVM's {@link System#nanoTime}
 * (when events were due and results seen), from one reading of both. The members run on the same machine, so their
 * clock is this one.
 */
final class EventClock {
    private final long baseMillis = System.currentTimeMillis();
    private final long baseNanos = System.nanoTime();

    long millis(long nanos) {
        return baseMillis + Math.floorDiv(nanos - baseNanos, 1_000_000L);
    }

    long nanos(long millis) {
        return baseNanos + (millis - baseMillis) * 1_000_000L;
    }
}
