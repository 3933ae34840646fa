package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.query.impl.sql.GridMapSqlContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GridMap SQL contract (mappings, filters, projections, aggregates, a join with an IMap mapping, every entry once)
 * from a client of three {@code grid start} member processes: the same statements as on embedded members.
 */
@Tag("faults")
class ProcessSqlGridMapTest extends GridMapSqlContract {
    @RegisterExtension
    static final SqlProcessCluster CLUSTER = new SqlProcessCluster(3, 3);

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }

    @Override
    protected boolean membersInThisJvm() {
        return false;
    }
}
