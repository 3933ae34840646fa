package dev.grid.core;

/**
 * The time grid's logic decides by: lease and session ends, timeouts, alert {@code for} durations,
 * retention and staleness. Everything that decides something by time reads one of these, passed in
 * ({@link GridConfig#setClock}, {@link GridClientConfig#setClock}, {@link Grid#clock()}), never
 * {@code System.currentTimeMillis()} or {@code System.nanoTime()} itself; so tests drive expiry by
 * advancing a fake clock instead of sleeping (as Caffeine's {@code Ticker}). Pure measurements
 * (latency timers, how long a phase took) read the system's clocks directly.
 *
 * <p>A clock has two readings because grid needs both: {@link #millis()}, wall-clock time for
 * timestamps that leave the JVM or that people read (a lease end replicated to backups, a CP
 * command's stamp, an alert's {@code firedAt}); and {@link #nanos()}, monotonic time for intervals
 * measured and judged on one JVM (how long a member has been gone, a retry window). A fake clock
 * advances both together.
 *
 * <p>An SPI of grid-core's public API, next to {@link GridTimer} and {@link GridCounters}:
 * implementations must be thread-safe and cheap.
 *
 * @since 0.1
 */
public interface GridClock {
    /** The system's clocks: {@code System.currentTimeMillis()} and {@code System.nanoTime()}. */
    GridClock SYSTEM = new GridClock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public String toString() {
            return "GridClock.SYSTEM";
        }
    };

    /** @return wall-clock time, epoch milliseconds */
    long millis();

    /** @return monotonic time in nanoseconds, from an arbitrary origin: only differences mean anything */
    long nanos();
}
