package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL contract from a client of two members. */
class GridMapSqlClientTest extends GridMapSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).withClient();

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }
}
