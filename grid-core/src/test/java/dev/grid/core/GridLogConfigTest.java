package dev.grid.core;

import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridLogConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code grid.log.scrubInterval}: default, YAML, zero turns the scrub off, a negative value is refused by name. */
class GridLogConfigTest {

    @Test
    void theScrubRunsHourlyByDefaultAndIsSetFromYaml() {
        assertEquals(Duration.ofHours(1), new GridLogConfig().getScrubInterval());
        assertEquals(Duration.ofMinutes(30), GridConfig.fromYaml("grid:\n  log:\n    scrubInterval: 30m\n").getLog().getScrubInterval());
        assertEquals(Duration.ZERO, GridConfig.fromYaml("grid:\n  log:\n    scrubInterval: 0s\n").getLog().getScrubInterval(),
                "0: no scrub");
    }

    @Test
    void shouldRejectANegativeScrubIntervalNamingKeyAndValue() {
        GridConfigException e = assertThrows(GridConfigException.class, () -> new GridLogConfig().setScrubInterval(Duration.ofSeconds(-5)));
        assertEquals("grid.log.scrubInterval", e.key());
        assertEquals("grid.log.scrubInterval must be >= 0, was -5s", e.getMessage());
    }
}
