package dev.grid.monitor.impl.http;

import dev.grid.monitor.Alert;

import java.util.List;

/**
 * {@code GET /api/alerts}: the alerts kept in the cluster (all, or only the firing or resolved ones) and the rules in force.
 *
 * @param firing how many alerts fire (whatever the filter)
 * @param alerts the alerts the filter lets through, firing first
 * @param rules  the rules, one line each
 */
record AlertsDocument(int firing, List<Alert> alerts, List<String> rules) {

    /** @param state {@code firing}, {@code resolved} or {@code all} */
    static AlertsDocument of(List<Alert> alerts, String state, List<String> rules) {
        int firing = (int) alerts.stream().filter(Alert::firing).count();
        List<Alert> shown = alerts.stream().filter(a -> state.equals("all") || state.equals("firing") == a.firing()).toList();
        return new AlertsDocument(firing, shown, rules);
    }
}
