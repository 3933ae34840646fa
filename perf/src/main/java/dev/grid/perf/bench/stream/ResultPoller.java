package dev.grid.perf.bench.stream;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a run's sink until it shows the expected window results: each poll reads (one {@code getAll}) the keys
 * {@link ExpectedResults#keysToPoll} names; a result is seen when the poll that read it returns. When a poll finds
 * nothing new it waits {@value #IDLE_MICROS} µs before the next, so a result is seen at most that much plus a poll's time
 * after it was written: the same for both systems' sinks.
 */
final class ResultPoller {
    static final long IDLE_MICROS = 1_000;

    private final Lane lane;
    private final ExpectedResults expected;

    ResultPoller(Lane lane, ExpectedResults expected) {
        this.lane = lane;
        this.expected = expected;
    }

    /**
     * One poll.
     *
     * @param upToEnd windows ending at or before this (epoch ms) are complete in the input
     * @return results seen in this poll
     */
    int poll(long upToEnd, ExpectedResults.Visible visible) {
        Set<String> keys = expected.keysToPoll(upToEnd);
        int seen = 0;
        if (!keys.isEmpty()) {
            Map<String, Long> values = lane.results(keys);
            seen = expected.seen(values, System.nanoTime(), visible);
        }
        if (seen == 0) {
            LockSupport.parkNanos(IDLE_MICROS * 1_000);
        }
        return seen;
    }
}
