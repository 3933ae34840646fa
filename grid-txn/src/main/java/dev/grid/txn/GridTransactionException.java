package dev.grid.txn;

import dev.grid.core.GridException;

/**
 * A transaction could not do what was asked: it could not begin, a resource could not join, or it rolled
 * back instead of committing (timeout, a resource voted no at prepare). The message names the transaction
 * and the resource; the cause is the transaction manager's or resource's own exception.
 *
 * @since 0.1
 */
public class GridTransactionException extends GridException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the transaction */
    public GridTransactionException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the transaction
     * @param cause   the underlying failure
     */
    public GridTransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
