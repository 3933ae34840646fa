package dev.grid.monitor;

import dev.grid.core.GridEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events the monitor publishes on its member's event bus ({@code grid.events()}) when an alert changes
 * state, one record per kind (why records: {@link GridEvent}). They reach the cluster's log (a firing alert is
 * WARN, or ERROR when critical) and any listener; the webhook is told separately.
 *
 * @since 0.1
 */
public sealed interface AlertEvent extends GridEvent permits AlertEvent.Fired, AlertEvent.Resolved {

    /** @return the alert, as kept in the cluster's alert map after the change */
    Alert alert();

    /**
     * An alert fired: its rule's condition held for its {@code for}. ERROR for a critical rule, WARN otherwise.
     *
     * @param alert   the alert
     * @param message one line: severity, rule, summary, scope, labels, value
     */
    record Fired(Alert alert, String message) implements AlertEvent {
        /** The kind's name. */
        public static final String TYPE = "monitor.alert-firing";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return "critical".equals(alert.severity()) ? Severity.ERROR : Severity.WARN;
        }

        @Override
        public long timeMillis() {
            return alert.firedAtMillis();
        }

        @Override
        public Map<String, String> attributes() {
            return AlertEvent.attributes(alert);
        }
    }

    /**
     * A firing alert resolved: its condition no longer holds (or its scope, a member, is gone). INFO.
     *
     * @param alert   the alert
     * @param message one line: severity, rule, summary, scope, labels, value
     */
    record Resolved(Alert alert, String message) implements AlertEvent {
        /** The kind's name. */
        public static final String TYPE = "monitor.alert-resolved";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public long timeMillis() {
            return alert.resolvedAtMillis();
        }

        @Override
        public Map<String, String> attributes() {
            return AlertEvent.attributes(alert);
        }
    }

    private static Map<String, String> attributes(Alert alert) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("rule", alert.rule());
        attributes.put("scope", alert.scope());
        return attributes;
    }
}
