package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL contract on three members, queried through one of them. */
class GridMapSqlThreeMembersTest extends GridMapSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);

    @Override
    protected Grid grid() {
        return CLUSTER.member(1);
    }
}
