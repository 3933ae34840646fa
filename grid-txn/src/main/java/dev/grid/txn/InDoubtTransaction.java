package dev.grid.txn;

import java.util.List;

/**
 * A transaction that was decided (every resource prepared, commit logged) and whose completion is still owed
 * to some resource: after a crash between prepare and commit, until recovery completes it.
 *
 * @param txId      the transaction's id
 * @param resources names of the resources still to complete, when known (empty otherwise)
 * @since 0.1
 */
public record InDoubtTransaction(String txId, List<String> resources) {

    /** Copies the resource list. */
    public InDoubtTransaction {
        resources = List.copyOf(resources);
    }
}
