package dev.grid.core;

import java.util.Map;

/**
 * Something that happened in a grid, published through {@link GridEvents}: a transaction began or
 * committed, a lock's CP group lost its majority, a transactional lock's lease ended, an alert fired.
 * grid-monitor turns events into monitors, alerts and the distributed log; applications may listen too.
 *
 * <p><b>Typed events: one record per kind.</b> Each module declares its kinds as records of a sealed
 * interface of its own ({@link GridMapEvent} here, {@code dev.grid.lock.CpEvent},
 * {@code dev.grid.txn.TxnEvent}, {@code dev.grid.monitor.AlertEvent}), with typed fields (a duration is a
 * {@code long}, resources a list). A listener matches on the record type
 * ({@code if (event instanceof TxnEvent.Committed committed)}): a misspelt kind does not compile, and a
 * field is read without parsing. Records rather than an enum of kinds with payloads: an enum would have to
 * list every module's kinds in grid-core, which depends on none of those modules, and its payloads would
 * still be untyped or need a cast per kind; records keep each kind, its fields and its text together in the
 * module that publishes it. This interface stays open, so an application publishes kinds of its own.
 *
 * <p>What every kind also gives, for logs and tools that handle any event: a stable {@linkplain #type()
 * type name} (dotted, lower case, grouped by module: {@code txn.commit}, {@code cp.majority-lost}), a
 * severity, a time, a one-line message and the fields as text ({@link #attributes()}).
 *
 * @since 0.1
 */
public interface GridEvent {

    /** How much an operator should care about an event. */
    enum Severity {
        /** Normal operation (a commit, a lock acquired). */
        INFO,
        /** Something an operator should look at (a timeout, a member left). */
        WARN,
        /** Something went wrong (a heuristic outcome, majority lost). */
        ERROR
    }

    /**
     * @return the kind's stable name, dotted and lower case, e.g. {@code txn.commit}: what logs show as the
     *         event's source (each record returns a constant of its own; match on the record type, not on this)
     */
    String type();

    /** @return how much an operator should care */
    Severity severity();

    /** @return when it happened: epoch milliseconds on the publisher's {@link GridClock} */
    long timeMillis();

    /** @return one human-readable line */
    String message();

    /** @return the event's fields as names to text values, in a stable order (for logs; never null) */
    Map<String, String> attributes();
}
