package dev.grid.core.tx;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactional contract on three embedded members: transactions begin on one member, an
 * outsider looks from another, and most keys live on the third or the second.
 */
class ThreeMemberTransactionTest extends TransactionalGridMapContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Override
    protected Grid observer() {
        return CLUSTER.member(2);
    }
}
