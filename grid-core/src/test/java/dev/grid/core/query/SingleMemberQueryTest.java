package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/** The query contract on one embedded member. */
class SingleMemberQueryTest extends GridMapQueryContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(11).configure(GridMapQueryContractTest::declareOrders);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Override
    protected List<Grid> members() {
        return CLUSTER.members();
    }
}
