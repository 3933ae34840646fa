package dev.grid.lock;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.ShiftedClock;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/**
 * The contract on a CP group of one member ({@code grid.cp.memberCount: 1}); a second member of the
 * cluster, outside the group, is the other lock user.
 */
class SingleMemberLockTest extends FencedLockContractTest {
    private static final ShiftedClock CLOCK = new ShiftedClock();
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(11)
            .configure(config -> config.setClock(CLOCK).getCp().setMemberCount(1));

    @BeforeAll
    static void awaitLeader() {
        CpTestSupport.awaitLeader(CLUSTER.members(), Duration.ofSeconds(30));
    }

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Override
    protected Grid other() {
        return CLUSTER.member(1);
    }

    @Override
    protected ShiftedClock clock() {
        return CLOCK;
    }

    @Override
    protected void pauseOtherHeartbeats(boolean paused) {
        CpTestSupport.sessions(other()).pauseHeartbeats(paused);
    }
}
