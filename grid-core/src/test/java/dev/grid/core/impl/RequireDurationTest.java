package dev.grid.core.impl;

import dev.grid.core.GridConfig;
import dev.grid.core.GridConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The duration checks every config class shares: the message names the key and the value in grid's syntax. */
@Timeout(10)
class RequireDurationTest {

    @Test
    void shouldRefuseZeroAndNegativeWhereTheKeyRequiresPositive() {
        assertEquals(Duration.ofMillis(1), RequireDuration.positive("k", Duration.ofMillis(1)));
        assertEquals("k must be > 0, was 0s", refuse(() -> RequireDuration.positive("k", Duration.ZERO)));
        assertEquals("k must be > 0, was -5s", refuse(() -> RequireDuration.positive("k", Duration.ofSeconds(-5))));
        assertEquals("k must be set, was null", refuse(() -> RequireDuration.positive("k", null)));
    }

    @Test
    void shouldAcceptZeroButNotNegativeWhereTheKeyAllowsZero() {
        assertEquals(Duration.ZERO, RequireDuration.notNegative("k", Duration.ZERO));
        assertEquals("k must be >= 0, was -1ms", refuse(() -> RequireDuration.notNegative("k", Duration.ofMillis(-1))));
    }

    @Test
    void shouldNameTheBoundsOfARange() {
        assertEquals(Duration.ofMillis(100), RequireDuration.between("k", Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1), RequireDuration.between("k", Duration.ofHours(1), Duration.ofMillis(100), Duration.ofHours(1)));
        assertEquals("k must be between 100ms and 1h, was 99ms",
                refuse(() -> RequireDuration.between("k", Duration.ofMillis(99), Duration.ofMillis(100), Duration.ofHours(1))));
        assertEquals("k must be between 100ms and 1h, was 1.001h",
                refuse(() -> RequireDuration.between("k", Duration.ofMillis(3_603_600), Duration.ofMillis(100), Duration.ofHours(1))));
    }

    @Test
    void shouldRequireWholeSecondsThatFitAnInt() {
        assertEquals(Duration.ofMinutes(2), RequireDuration.wholeSeconds("k", Duration.ofMinutes(2)));
        assertEquals("k must be a whole number of seconds, was 1.5s", refuse(() -> RequireDuration.wholeSeconds("k", Duration.ofMillis(1500))));
        assertEquals("k must be a whole number of seconds, was 2147483648s",
                refuse(() -> RequireDuration.wholeSeconds("k", Duration.ofSeconds(Integer.MAX_VALUE + 1L))));
        assertEquals("k must be > 0, was 0s", refuse(() -> RequireDuration.wholeSeconds("k", Duration.ZERO)));
    }

    @Test
    void shouldNameTheKeyAndTheValueOfABadDurationInGridYaml() {
        assertEquals("grid.cp.sessionTtl must be > 0, was -5s", refuse(() -> GridConfig.fromYaml("grid:\n  cp:\n    sessionTtl: -5s\n")));
        assertEquals("grid.monitor.refreshInterval must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), "
                + "was \"2 minutes\"", refuse(() -> GridConfig.fromYaml("grid:\n  monitor:\n    refreshInterval: 2 minutes\n")));
        assertEquals(Duration.ofMillis(1500), GridConfig.fromYaml("grid:\n  monitor:\n    refreshInterval: 1.5s\n").getMonitor().getRefreshInterval());
        assertEquals(Duration.ofDays(1), GridConfig.fromYaml("grid:\n  monitor:\n    resolvedAlertRetention: 1d\n").getMonitor().getResolvedAlertRetention());
    }

    private static String refuse(Runnable setting) {
        return assertThrows(GridConfigException.class, setting::run).getMessage();
    }
}
