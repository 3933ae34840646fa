package dev.grid.monitor.impl.alerts;

import dev.grid.core.config.DurationText;
import dev.grid.core.config.GridAlertRule;
import dev.grid.core.config.GridMonitorConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in alert rules, and the rules in force: built-ins replaced by configured rules of the same name. */
public final class DefaultRules {
    private DefaultRules() {
    }

    public static List<GridAlertRule> builtIn(GridMonitorConfig config) {
        List<GridAlertRule> rules = new ArrayList<>();
        rules.add(new GridAlertRule("member-left", "grid_cluster_members_missing", ">", 0).setSeverity("warning")
                .setSummary("a member left the cluster and has not been replaced"));
        rules.add(new GridAlertRule("cp-majority-lost", "grid_cp_majority_lost", ">", 0).setFor(Duration.ofSeconds(2)).setSeverity("critical")
                .setSummary("the CP group lost its majority: lock calls fail"));
        rules.add(new GridAlertRule("txn-in-doubt", "grid_txn_in_doubt_oldest_seconds", ">", config.getInDoubtLimit().toMillis() / 1000.0)
                .setSeverity("critical").setSummary("a transaction has been in doubt for more than " + config.getInDoubtLimit().toSeconds() + " s"));
        rules.add(new GridAlertRule("txn-heuristic", "grid_txn_heuristic_outcomes", ">", 0).setSeverity("critical")
                .setSummary("a transaction ended with a heuristic outcome: check its resources by hand"));
        rules.add(new GridAlertRule("offheap-budget-high", "grid_offheap_budget_used_ratio", ">", 0.9).setSeverity("warning")
                .setSummary("a member's GridMap stores reserve more than 90% of grid.offHeapBudget"));
        rules.add(new GridAlertRule("lock-held-too-long", "grid_lock_oldest_hold_seconds", ">", config.getLockHoldLimit().toMillis() / 1000.0)
                .setSeverity("warning").setSummary("a lock has been held for more than " + config.getLockHoldLimit().toSeconds() + " s"));
        rules.add(new GridAlertRule("log-lag-growing", LagGrowth.GROWTH, ">", 0).setSeverity("warning")
                .setSummary("a consumer group's lag on a topic has kept growing for " + DurationText.format(config.getLagGrowthWindow())
                        + " and is at least " + config.getLagGrowthMinimum() + " records"));
        return rules;
    }

    /** @return the rules in force: built-ins (if on) with configured rules replacing those of the same name, then the other configured rules */
    public static List<GridAlertRule> inForce(GridMonitorConfig config) {
        Map<String, GridAlertRule> rules = new LinkedHashMap<>();
        if (config.isDefaultRules()) {
            builtIn(config).forEach(rule -> rules.put(rule.getName(), rule));
        }
        config.getAlerts().forEach(rule -> rules.put(rule.getName(), rule));
        return new ArrayList<>(rules.values());
    }
}
