package dev.grid.monitor;

/**
 * One WARN or ERROR entry of the distributed log: from Hazelcast's logging on any member, or a
 * grid event of severity WARN or ERROR from any member or application JVM that forwards its events.
 *
 * @param sequence   its position in the cluster's log (increasing)
 * @param timeMillis when it happened (epoch ms)
 * @param member     the JVM it came from (a member's address or a client's name)
 * @param severity   {@code WARN} or {@code ERROR}
 * @param source     the logger's name, or the grid event's type
 * @param message    the message (with the exception's first line, if any)
 * @since 0.1
 */
public record LogEntry(long sequence, long timeMillis, String member, String severity, String source, String message) {
}
