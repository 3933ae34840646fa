package dev.grid.query.impl.sql;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The GridLog SQL contract on 1 member(s), queried through member 0. */
class GridLogSqlOneMemberTest extends GridLogSqlContract {
    @RegisterExtension
    static final GridCluster CLUSTER = members(1);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }
}
