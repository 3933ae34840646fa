package dev.grid.core;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in a grid, published through {@link GridEvents}: a transaction began or
 * committed, a lock's CP group lost its majority, a member left. grid-monitor turns events into
 * monitors, alerts and the distributed log; applications may listen too.
 *
 * <p>Types are dotted lower-case names grouped by module, for example {@code txn.commit},
 * {@code txn.heuristic}, {@code lock.majority-lost}, {@code log.warn}. Attributes carry the details
 * (a transaction id, the resources, a duration in milliseconds) as strings.
 *
 * @param type       dotted lower-case name, e.g. {@code txn.commit}
 * @param severity   how much an operator should care
 * @param timeMillis when it happened (epoch milliseconds)
 * @param message    one human-readable line
 * @param attributes details, as names to values (never null; copied)
 * @since 0.1
 */
public record GridEvent(String type, Severity severity, long timeMillis, String message, Map<String, String> attributes) {

    /** How much an operator should care about an event. */
    public enum Severity {
        /** Normal operation (a commit, a lock acquired). */
        INFO,
        /** Something an operator should look at (a timeout, a member left). */
        WARN,
        /** Something went wrong (a heuristic outcome, majority lost). */
        ERROR
    }

    /** Checks the fields and copies the attributes. */
    public GridEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type must not be empty, was " + (type == null ? "null" : "\"" + type + "\""));
        }
        Objects.requireNonNull(severity, "severity");
        message = message == null ? "" : message;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * @param type       dotted lower-case name
     * @param severity   how much an operator should care
     * @param message    one line
     * @param attributes details (no null keys or values)
     * @return an event stamped with the current time
     */
    public static GridEvent now(String type, Severity severity, String message, Map<String, String> attributes) {
        return new GridEvent(type, severity, System.currentTimeMillis(), message, attributes);
    }

    /** @return the attribute's value, or null when absent */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
