package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GridLog SQL contract from a client of two members. */
class GridLogSqlClientTest extends GridLogSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = members(2).withClient();

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }
}
