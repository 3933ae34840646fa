package dev.grid.core;

import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridMonitorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridMonitorConfigTest {

    private static String reject(String yaml) {
        return assertThrows(GridConfigException.class, () -> GridConfig.fromYaml(yaml)).getMessage();
    }

    @Test
    void httpTimeoutsAndConnectionLimitHaveSaneDefaultsAndBounds() {
        GridMonitorConfig defaults = new GridMonitorConfig();
        assertEquals(Duration.ofSeconds(10), defaults.getRequestTimeout());
        assertEquals(Duration.ofSeconds(30), defaults.getIdleTimeout());
        assertEquals(128, defaults.getMaxConnections());
        assertEquals("grid.monitor.requestTimeout must be between 100ms and 1h, was 50ms",
                reject("grid:\n  monitor:\n    requestTimeout: 50ms\n"));
        assertEquals("grid.monitor.idleTimeout must be between 100ms and 1h, was 2h",
                reject("grid:\n  monitor:\n    idleTimeout: 2h\n"));
        assertEquals("grid.monitor.idleTimeout must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), was 30",
                reject("grid:\n  monitor:\n    idleTimeout: 30\n"));
        assertEquals("grid.monitor.maxConnections must be between 1 and 100000, was 0",
                reject("grid:\n  monitor:\n    maxConnections: 0\n"));
    }

    @Test
    void readsEveryMonitorKeyAndRules() {
        GridConfig config = GridConfig.fromYaml(String.join("\n",
                "grid:",
                "  monitor:",
                "    enabled: false",
                "    host: 127.0.0.1",
                "    port: 9200",
                "    portAutoIncrement: false",
                "    token: 0123456789abcdef0123",
                "    webhook: http://127.0.0.1:9999/hook",
                "    refreshInterval: 1s",
                "    evaluationInterval: 500ms",
                "    defaultRules: false",
                "    expectedMembers: 3",
                "    lockHoldLimit: 30s",
                "    inDoubtLimit: 2m",
                "    lagGrowthWindow: 90s",
                "    lagGrowthMinimum: 250",
                "    resolvedAlertRetention: 1h",
                "    logCapacity: 500",
                "    requestTimeout: 3s",
                "    idleTimeout: 20s",
                "    maxConnections: 64",
                "    alerts:",
                "      - name: orders-big",
                "        metric: grid_map_entries{map=\"orders\", replica=\"primary\"}",
                "        comparison: '>'",
                "        threshold: 1000",
                "        for: 30s",
                "        severity: critical",
                "        summary: orders is big",
                "      - name: few-members",
                "        metric: grid_cluster_members",
                "        comparison: '<'",
                "        threshold: 2.5",
                ""));
        GridMonitorConfig m = config.getMonitor();
        assertFalse(m.isEnabled());
        assertEquals(9200, m.getPort());
        assertEquals(9200, config.getMonitorPort());
        assertFalse(m.isPortAutoIncrement());
        assertEquals("0123456789abcdef0123", m.getToken());
        assertEquals("http://127.0.0.1:9999/hook", m.getWebhook());
        assertEquals(Duration.ofSeconds(1), m.getRefreshInterval());
        assertEquals(Duration.ofMillis(500), m.getEvaluationInterval());
        assertFalse(m.isDefaultRules());
        assertEquals(3, m.getExpectedMembers());
        assertEquals(Duration.ofSeconds(30), m.getLockHoldLimit());
        assertEquals(Duration.ofMinutes(2), m.getInDoubtLimit());
        assertEquals(Duration.ofSeconds(90), m.getLagGrowthWindow());
        assertEquals(250, m.getLagGrowthMinimum());
        assertEquals(Duration.ofHours(1), m.getResolvedAlertRetention());
        assertEquals(500, m.getLogCapacity());
        assertEquals(Duration.ofSeconds(3), m.getRequestTimeout());
        assertEquals(Duration.ofSeconds(20), m.getIdleTimeout());
        assertEquals(64, m.getMaxConnections());
        assertEquals(2, m.getAlerts().size());
        GridAlertRule big = m.getAlerts().get(0);
        assertEquals("grid_map_entries", big.getMetricName());
        assertEquals(Map.of("map", "orders", "replica", "primary"), big.getLabels());
        assertEquals(Duration.ofSeconds(30), big.getFor());
        assertEquals("critical", big.getSeverity());
        assertEquals("orders is big", big.getSummary());
        assertTrue(big.holds(1001));
        assertFalse(big.holds(1000));
        assertTrue(big.matches(Map.of("map", "orders", "replica", "primary", "x", "y")));
        assertFalse(big.matches(Map.of("map", "orders", "replica", "backup")));
        assertEquals("grid_cluster_members < 2.5", m.getAlerts().get(1).getSummary());
    }

    @Test
    void lagGrowthSettingsHaveDefaultsAndBounds() {
        GridMonitorConfig defaults = new GridMonitorConfig();
        assertEquals(Duration.ofMinutes(2), defaults.getLagGrowthWindow());
        assertEquals(1000, defaults.getLagGrowthMinimum());
        assertEquals("grid.monitor.lagGrowthMinimum must be >= 0, was -1", reject("grid:\n  monitor:\n    lagGrowthMinimum: -1\n"));
        assertEquals("grid.monitor.lagGrowthMinimum must be an integer, was \"lots\"", reject("grid:\n  monitor:\n    lagGrowthMinimum: lots\n"));
        assertTrue(reject("grid:\n  monitor:\n    lagGrowthWindow: 0s\n").startsWith("grid.monitor.lagGrowthWindow must be"));
        assertEquals(0, new GridMonitorConfig().setLagGrowthMinimum(0).getLagGrowthMinimum());
    }

    @Test
    void badRulesAreRejectedNamingTheRuleAndTheProblem() {
        String head = "grid:\n  monitor:\n    alerts:\n      - name: r1\n        metric: grid_x\n        comparison: '>'\n        threshold: 1\n";
        assertEquals("grid.monitor.alerts[1] (\"r2\"): comparison must be one of >, >=, <, <=, ==, !=, was \"=>\"",
                reject(head + "      - name: r2\n        metric: grid_x\n        comparison: '=>'\n        threshold: 1\n"));
        assertEquals("grid.monitor.alerts[1] (\"r2\"): threshold must be a number, was \"high\"",
                reject(head + "      - name: r2\n        metric: grid_x\n        comparison: '>'\n        threshold: high\n"));
        assertEquals("grid.monitor.alerts[1] (\"r2\") has no metric; a rule needs name, metric, comparison and threshold",
                reject(head + "      - name: r2\n        comparison: '>'\n        threshold: 1\n"));
        assertEquals("grid.monitor.alerts[0].thresold is not a known key; known keys of a rule: name, metric, comparison, threshold, for, "
                + "severity, summary", reject("grid:\n  monitor:\n    alerts:\n      - name: r\n        thresold: 1\n"));
        assertEquals("grid.monitor.alerts[1] (\"r2\"): severity must be one of info, warning, critical, was \"urgent\"",
                reject(head + "      - name: r2\n        metric: grid_x\n        comparison: '>'\n        threshold: 1\n        severity: urgent\n"));
        assertEquals("grid.monitor.alerts[1] (\"r2\"): metric must be a name or name{label=\"value\",...}, was \"grid x\"",
                reject(head + "      - name: r2\n        metric: grid x\n        comparison: '>'\n        threshold: 1\n"));
        assertEquals("grid.monitor.alerts has two rules named \"r1\"",
                reject(head + "      - name: r1\n        metric: grid_y\n        comparison: '<'\n        threshold: 1\n"));
    }

    @Test
    void nonLoopbackBindWithoutTokenIsRefused() {
        assertEquals("grid.monitor.token", assertThrows(GridConfigException.class, () -> {
            GridConfig config = new GridConfig();
            config.getMonitor().setHost("0.0.0.0");
            config.validate();
        }).key());
        assertTrue(reject("grid:\n  monitor:\n    host: 0.0.0.0\n").startsWith("grid.monitor.token must be set when grid.monitor.host is not a loopback address"));
        GridConfig withToken = GridConfig.fromYaml("grid:\n  monitor:\n    host: 0.0.0.0\n    token: abcdefghijklmnopqrstuvwxyz\n");
        assertEquals("0.0.0.0", withToken.getMonitor().getHost());
        assertEquals("grid.monitor.token must be at least 16 characters, was 5 characters long",
                reject("grid:\n  monitor:\n    token: short\n"));
    }

    @Test
    void webhookMustBeAnHttpUrl() {
        assertEquals("grid.monitor.webhook must be an http or https URL, was \"ftp://x/y\"",
                reject("grid:\n  monitor:\n    webhook: ftp://x/y\n"));
    }
}
