package dev.grid.txn;

/**
 * The types and attribute names of the events {@link GridTransactions} publishes on the grid's event bus
 * ({@code grid.events()}). Every event carries {@link #TX_ID} (except {@link #RECOVERY_COMPLETED}, which lists
 * ids), {@link #RESOURCES} (comma-separated resource names) and {@link #NODE} (the node identifier); events that
 * end a phase carry {@link #DURATION_MILLIS}.
 *
 * <p>A commit publishes {@code txn.begin}, one {@code txn.enlist} per resource, {@code txn.prepare} (two-phase
 * only, once every resource voted) and {@code txn.commit}; a rollback ends with {@code txn.rollback}, preceded by
 * {@code txn.timeout} when the timeout caused it.
 *
 * @since 0.1
 */
public final class TxnEvents {
    /** A transaction began. INFO. */
    public static final String BEGIN = "txn.begin";
    /** A resource joined a transaction; {@link #RESOURCE} names it. INFO. */
    public static final String ENLIST = "txn.enlist";
    /** Every resource of a two-phase transaction voted yes; {@link #DURATION_MILLIS} is the prepare phase. INFO. */
    public static final String PREPARE = "txn.prepare";
    /** A transaction committed; {@link #DURATION_MILLIS} since begin, {@link #ONE_PHASE} whether prepare was skipped. INFO. */
    public static final String COMMIT = "txn.commit";
    /** A transaction rolled back; {@link #REASON} says why. INFO, WARN when it was not the work's choice. */
    public static final String ROLLBACK = "txn.rollback";
    /** A transaction ran past its timeout and was rolled back. WARN. */
    public static final String TIMEOUT = "txn.timeout";
    /** A heuristic outcome: resources may disagree. ERROR. {@link #OUTCOME} says which. */
    public static final String HEURISTIC = "txn.heuristic";
    /** A recovery scan completed in-doubt branches; {@link #COMMITTED}, {@link #ROLLED_BACK} list transaction ids. INFO. */
    public static final String RECOVERY_COMPLETED = "txn.recovery-completed";

    /** Attribute: the transaction id. */
    public static final String TX_ID = "txId";
    /** Attribute: the transaction's resources, comma-separated. */
    public static final String RESOURCES = "resources";
    /** Attribute: the resource an event is about. */
    public static final String RESOURCE = "resource";
    /** Attribute: a duration in milliseconds. */
    public static final String DURATION_MILLIS = "durationMillis";
    /** Attribute: the node identifier of the transaction manager. */
    public static final String NODE = "node";
    /** Attribute: {@code true} when a commit skipped prepare (one resource). */
    public static final String ONE_PHASE = "onePhase";
    /** Attribute: why a transaction rolled back ({@code work-failed}, {@code rollback-only}, {@code timeout}, {@code prepare-failed}). */
    public static final String REASON = "reason";
    /** Attribute: a heuristic outcome ({@code MIXED}, {@code ROLLBACK}, {@code HAZARD}, {@code COMMIT}). */
    public static final String OUTCOME = "outcome";
    /** Attribute: comma-separated ids of transactions recovery committed. */
    public static final String COMMITTED = "committed";
    /** Attribute: comma-separated ids of transactions recovery rolled back. */
    public static final String ROLLED_BACK = "rolledBack";

    private TxnEvents() {
    }
}
