package dev.grid.monitor.impl.counters;

import dev.grid.core.test.ManualClock;
import dev.grid.monitor.MemberCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A counters file's member counts as live while its heartbeat is younger than 10 s on the clock both sides use. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CountersFileTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    private boolean live(Path file) throws Exception {
        return CountersFileReader.read(file, clock).map(MemberCounters::live).orElseThrow();
    }

    @Test
    void aMemberIsLiveUntilItsHeartbeatIsTenSecondsOld() throws Exception {
        Path path = dir.resolve("member-127.0.0.1-5701.counters");
        try (CountersFile file = CountersFile.create(path, "cluster=test member=127.0.0.1:5701", 16, clock)) {
            file.counter("grid_test_total").increment();
            MemberCounters read = CountersFileReader.read(path, clock).orElseThrow();
            assertTrue(read.live());
            assertEquals(clock.millis(), read.heartbeatMillis());
            assertEquals(1L, read.values().get("grid_test_total"));

            clock.advance(Duration.ofMillis(CountersFileReader.STALE_MILLIS - 1));
            assertTrue(live(path), "a heartbeat 9.999 s old");
            clock.advance(Duration.ofMillis(1));
            assertFalse(live(path), "a heartbeat 10 s old: the member is gone (killed)");

            file.heartbeat();
            assertTrue(live(path), "a new heartbeat, stamped with the clock");
        }
    }
}
