package dev.grid.txn;

import dev.grid.core.GridEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events {@link GridTransactions} publishes on the grid's event bus ({@code grid.events()}), one record
 * per kind (why records: {@link GridEvent}). Every event names the transaction manager's node identifier and
 * the transaction's resources; each kind adds its own fields, typed.
 *
 * <p>A commit publishes {@link Began}, one {@link Enlisted} per resource, {@link Prepared} (two-phase only,
 * once every resource voted) and {@link Committed}; a rollback ends with {@link RolledBack}, preceded by
 * {@link TimedOut} when the timeout caused it. {@link Heuristic} reports resources that may disagree;
 * {@link RecoveryCompleted}, the in-doubt transactions a recovery scan completed.
 *
 * <pre>{@code
 * grid.events().subscribe(event -> {
 *     if (event instanceof TxnEvent.Committed committed && committed.durationMillis() > 1000) {
 *         slow.add(committed.txId());
 *     }
 * });
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface TxnEvent extends GridEvent permits TxnEvent.OfTransaction, TxnEvent.RecoveryCompleted {

    /** The type names of every kind, in the order above. */
    List<String> TYPES = List.of(Began.TYPE, Enlisted.TYPE, Prepared.TYPE, Committed.TYPE, RolledBack.TYPE, TimedOut.TYPE,
            Heuristic.TYPE, RecoveryCompleted.TYPE);

    /** @return the node identifier of the transaction manager ({@code GridTxnConfig.setNodeIdentifier}) */
    String node();

    /** @return the transaction's resources so far (for {@link RecoveryCompleted}: those the scan completed branches at) */
    List<String> resources();

    /** An event of one transaction: every kind but {@link RecoveryCompleted}. */
    sealed interface OfTransaction extends TxnEvent permits Began, Enlisted, Prepared, Committed, RolledBack, TimedOut, Heuristic {
        /** @return the transaction's id (Narayana's transaction Uid, as {@code TransactionScope.txId()} gives it) */
        String txId();
    }

    /**
     * A transaction began. INFO.
     *
     * @param timeoutSeconds its timeout
     */
    record Began(long timeMillis, String txId, String node, List<String> resources, int timeoutSeconds) implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.begin";

        public Began {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "transaction " + txId + " began";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "timeoutSeconds", Integer.toString(timeoutSeconds));
        }
    }

    /**
     * A resource joined a transaction. INFO.
     *
     * @param resource the resource that joined
     */
    record Enlisted(long timeMillis, String txId, String node, List<String> resources, String resource) implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.enlist";

        public Enlisted {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "transaction " + txId + " enlisted " + resource;
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "resource", resource);
        }
    }

    /**
     * Every resource of a two-phase transaction voted yes: it is in doubt until its outcome. INFO.
     *
     * @param durationMillis how long the prepare phase took
     */
    record Prepared(long timeMillis, String txId, String node, List<String> resources, long durationMillis) implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.prepare";

        public Prepared {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "transaction " + txId + " prepared on " + resources.size() + " resources";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "durationMillis", Long.toString(durationMillis));
        }
    }

    /**
     * A transaction committed. INFO.
     *
     * @param durationMillis how long since it began
     * @param onePhase       whether prepare was skipped (one resource)
     */
    record Committed(long timeMillis, String txId, String node, List<String> resources, long durationMillis, boolean onePhase)
            implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.commit";

        public Committed {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "transaction " + txId + " committed";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "durationMillis", Long.toString(durationMillis), "onePhase", Boolean.toString(onePhase));
        }
    }

    /** Why a transaction rolled back. */
    enum RollbackReason {
        /** The work threw. */
        WORK_FAILED("work-failed"),
        /** The work marked the transaction rollback-only. */
        ROLLBACK_ONLY("rollback-only"),
        /** It ran past its timeout. */
        TIMEOUT("timeout"),
        /** A resource refused to prepare. */
        PREPARE_FAILED("prepare-failed"),
        /** Another reason (the transaction manager rolled it back). */
        ROLLED_BACK("rolled-back");

        private final String label;

        RollbackReason(String label) {
            this.label = label;
        }

        /** @return the reason as events and logs show it, e.g. {@code work-failed} */
        public String label() {
            return label;
        }

        /** @return whether the work chose it (an operator need not look) */
        public boolean chosenByTheWork() {
            return this == WORK_FAILED || this == ROLLBACK_ONLY;
        }
    }

    /**
     * A transaction rolled back. INFO when the work chose it ({@link RollbackReason#chosenByTheWork()}), WARN otherwise.
     *
     * @param durationMillis how long since it began
     * @param reason         why
     */
    record RolledBack(long timeMillis, String txId, String node, List<String> resources, long durationMillis, RollbackReason reason)
            implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.rollback";

        public RolledBack {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return reason.chosenByTheWork() ? Severity.INFO : Severity.WARN;
        }

        @Override
        public String message() {
            return "transaction " + txId + " rolled back (" + reason.label() + ")";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "durationMillis", Long.toString(durationMillis), "reason", reason.label());
        }
    }

    /**
     * A transaction ran past its timeout and is rolled back ({@link RolledBack} follows). WARN.
     *
     * @param durationMillis how long since it began
     * @param timeoutSeconds its timeout
     */
    record TimedOut(long timeMillis, String txId, String node, List<String> resources, long durationMillis, int timeoutSeconds)
            implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.timeout";

        public TimedOut {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        @Override
        public String message() {
            return "transaction " + txId + " ran past its timeout of " + timeoutSeconds + "s";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(txId, this, "durationMillis", Long.toString(durationMillis));
        }
    }

    /**
     * A heuristic outcome: the transaction's resources may disagree. ERROR.
     *
     * @param outcome  what is known
     * @param resource the resource that reported it, or null when the transaction manager did (for the whole transaction)
     * @param message  one line, naming the transaction and what happened
     */
    record Heuristic(long timeMillis, String txId, String node, List<String> resources, GridHeuristicException.Outcome outcome,
                     String resource, String message) implements OfTransaction {
        /** The kind's name. */
        public static final String TYPE = "txn.heuristic";

        public Heuristic {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }

        @Override
        public Map<String, String> attributes() {
            return resource == null ? TxnEvent.attributes(txId, this, "outcome", outcome.name())
                    : TxnEvent.attributes(txId, this, "outcome", outcome.name(), "resource", resource);
        }
    }

    /**
     * A recovery scan completed in-doubt transactions. INFO.
     *
     * @param committed      the ids of the transactions it committed
     * @param rolledBack     the ids of the transactions it rolled back
     * @param durationMillis how long the scan took
     */
    record RecoveryCompleted(long timeMillis, String node, List<String> resources, List<String> committed, List<String> rolledBack,
                             long durationMillis) implements TxnEvent {
        /** The kind's name. */
        public static final String TYPE = "txn.recovery-completed";

        public RecoveryCompleted {
            resources = List.copyOf(resources);
            committed = List.copyOf(committed);
            rolledBack = List.copyOf(rolledBack);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "recovery committed " + committed.size() + " and rolled back " + rolledBack.size() + " in-doubt transactions";
        }

        @Override
        public Map<String, String> attributes() {
            return TxnEvent.attributes(null, this, "committed", String.join(",", committed), "rolledBack", String.join(",", rolledBack),
                    "durationMillis", Long.toString(durationMillis));
        }
    }

    /** The attributes every kind shares (txId, resources comma-separated, node), then the kind's own name, value pairs. */
    private static Map<String, String> attributes(String txId, TxnEvent event, String... own) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (txId != null) {
            attributes.put("txId", txId);
        }
        attributes.put("resources", String.join(",", event.resources()));
        attributes.put("node", event.node());
        for (int i = 0; i + 1 < own.length; i += 2) {
            attributes.put(own[i], own[i + 1]);
        }
        return attributes;
    }
}
