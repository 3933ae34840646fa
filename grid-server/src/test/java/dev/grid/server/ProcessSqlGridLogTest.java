package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.query.impl.sql.GridLogSqlContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GridLog SQL contract (historical reads, filters, aggregates, offset and time bounds, a stream that emits records
 * as they are appended, event-time windows) from a client of three {@code grid start} member processes.
 */
@Tag("faults")
class ProcessSqlGridLogTest extends GridLogSqlContract {
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
