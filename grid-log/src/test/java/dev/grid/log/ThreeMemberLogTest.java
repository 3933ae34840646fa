package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ThreeMemberLogTest extends LogContract {
    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.contract(3);

    @Override
    protected Grid grid() {
        return CLUSTER.member(1);
    }

    @Override
    protected long diskBudget() {
        return LogClusters.CONTRACT_DISK_BUDGET;
    }
}
