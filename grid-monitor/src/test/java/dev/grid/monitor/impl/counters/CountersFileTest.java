package dev.grid.monitor.impl.counters;

import dev.grid.core.test.ManualClock;
import dev.grid.monitor.MemberCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A counters file's member counts as live while its heartbeat is younger than 10 s on the clock both sides use; gauges
 * leave a quarter of the file to hot-path counters and are removed once their series is gone, hot-path counters never.
 */
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

    @Test
    void gaugesLeaveAQuarterOfTheFileToHotPathCounters() throws Exception {
        Path path = dir.resolve("member-127.0.0.1-5702.counters");
        try (CountersFile file = CountersFile.create(path, "cluster=test member=127.0.0.1:5702", 16, clock)) {
            assertEquals(4, file.reservedForCounters());
            int kept = 0;
            for (int p = 0; p < 20; p++) {
                if (file.setGauge("grid_log_high_watermark{partition=\"" + p + "\",topic=\"orders\"}", 100 + p)) {
                    kept++;
                }
            }
            assertEquals(12, kept, "16 counters less the 4 kept for hot-path counters");
            assertTrue(file.setGauge("grid_log_high_watermark{partition=\"0\",topic=\"orders\"}", 500), "a gauge kept is still set");
            for (int c = 0; c < 4; c++) {
                assertNotNull(file.counter("grid_map_get_hits_total{map=\"m" + c + "\"}"), "hot-path counter " + c + " fits");
            }
            assertNull(file.counter("grid_map_get_hits_total{map=\"m4\"}"), "the file is full");
            MemberCounters read = CountersFileReader.read(path, clock).orElseThrow();
            assertEquals(16, read.values().size());
            assertEquals(500L, read.values().get("grid_log_high_watermark{partition=\"0\",topic=\"orders\"}"));
        }
    }

    @Test
    void gaugesWhoseSeriesIsGoneAreRemovedHotPathCountersStay() throws Exception {
        Path path = dir.resolve("member-127.0.0.1-5703.counters");
        try (CountersFile file = CountersFile.create(path, "cluster=test member=127.0.0.1:5703", 16, clock)) {
            String moved = "grid_log_high_watermark{partition=\"1\",topic=\"orders\"}";
            String stays = "grid_log_high_watermark{partition=\"0\",topic=\"orders\"}";
            String becameHot = "grid_map_get_hits_total{map=\"orders\"}";
            file.setGauge(stays, 10);
            file.setGauge(moved, 20);
            file.setGauge(becameHot, 5);
            file.counter(becameHot).increment();
            file.counter("grid_txn_events_total{type=\"begin\"}").increment();

            file.retainGauges(Set.of(stays));
            Map<String, Long> values = CountersFileReader.read(path, clock).orElseThrow().values();
            assertEquals(Map.of(stays, 10L, becameHot, 6L, "grid_txn_events_total{type=\"begin\"}", 1L), values,
                    "the partition that moved away is gone; hot-path counters stay");

            assertTrue(file.setGauge(moved, 30), "a series that comes back gets a counter again");
            assertEquals(30L, CountersFileReader.read(path, clock).orElseThrow().values().get(moved));
        }
    }
}
