package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClientLogTest extends LogContract {
    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.contract(2).withClient();

    @Override
    protected Grid grid() {
        return CLUSTER.client();
    }

    @Override
    protected long diskBudget() {
        return LogClusters.CONTRACT_DISK_BUDGET;
    }
}
