package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/** The query contract from a client of three members. */
class ClientQueryTest extends GridMapQueryContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(23).configure(GridMapQueryContractTest::declareOrders)
            .withClient();

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }

    @Override
    protected List<Grid> members() {
        return CLUSTER.members();
    }
}
