package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GridLog SQL contract on 3 member(s), queried through member 1. */
class GridLogSqlThreeMembersTest extends GridLogSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = members(3);

    @Override
    protected Grid grid() {
        return CLUSTER.member(1);
    }
}
