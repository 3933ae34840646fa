package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transactional contract on one embedded member. */
class SingleMemberTransactionTest extends TransactionalGridMapContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Override
    protected Grid observer() {
        return CLUSTER.member(0);
    }
}
