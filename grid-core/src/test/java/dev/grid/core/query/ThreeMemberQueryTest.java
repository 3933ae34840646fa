package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/** The query contract on three embedded members, queried from one of them. */
class ThreeMemberQueryTest extends GridMapQueryContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(23).configure(GridMapQueryContractTest::declareOrders);

    @Override
    protected Grid grid() {
        return CLUSTER.member(1);
    }

    @Override
    protected List<Grid> members() {
        return CLUSTER.members();
    }
}
