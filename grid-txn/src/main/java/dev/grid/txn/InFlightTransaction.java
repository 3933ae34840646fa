package dev.grid.txn;

import java.time.Instant;
import java.util.List;

/**
 * A transaction of this JVM that has begun and not completed.
 *
 * @param txId      the transaction's id
 * @param started   when it began
 * @param resources names of the resources enlisted so far ({@code grid}, data source names, names given to
 *                  {@link TransactionScope#enlist})
 * @param status    where it is
 * @since 0.1
 */
public record InFlightTransaction(String txId, Instant started, List<String> resources, Status status) {

    /** Where a transaction is. */
    public enum Status {
        /** The work is running. */
        ACTIVE,
        /** Resources are being asked to prepare. */
        PREPARING,
        /** Every resource voted yes; the decision is being carried out. */
        COMMITTING,
        /** Rolling back. */
        ROLLING_BACK
    }

    /** Copies the resource list. */
    public InFlightTransaction {
        resources = List.copyOf(resources);
    }
}
