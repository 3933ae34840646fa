package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL contract on a single member, queried through the member. */
class GridMapSqlOneMemberTest extends GridMapSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }
}
