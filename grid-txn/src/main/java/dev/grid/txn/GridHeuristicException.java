package dev.grid.txn;

/**
 * A transaction ended with a heuristic outcome: some resources committed and others rolled back (or the
 * outcome is unknown). Data across the resources may disagree and needs an operator. It is also logged at
 * ERROR and published as a {@link TxnEvent.Heuristic} event.
 *
 * @since 0.1
 */
public class GridHeuristicException extends GridTransactionException {
    private static final long serialVersionUID = 1L;

    /** What is known of a heuristic outcome. */
    public enum Outcome {
        /** Some resources committed, others rolled back. */
        MIXED,
        /** Every resource rolled back although the decision was to commit. */
        ROLLBACK,
        /** A resource's outcome is unknown. */
        HAZARD,
        /** A resource committed although the decision was to roll back. */
        COMMIT
    }

    private final Outcome outcome;

    /**
     * @param outcome what is known
     * @param message what happened, naming the transaction and resources
     * @param cause   the transaction manager's exception
     */
    public GridHeuristicException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    /** @return what is known of the outcome */
    public Outcome outcome() {
        return outcome;
    }
}
