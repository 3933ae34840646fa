package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactional contract through a client of three embedded members: ONE_PHASE and TWO_PHASE
 * through the client's {@code TransactionContext}, XA through the client's XA resource, each
 * routed over grid's own messages to the member that runs the transaction.
 */
class ClientTransactionTest extends TransactionalGridMapContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).withClient();

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }

    @Override
    protected Grid observer() {
        return CLUSTER.member(1);
    }
}
