package dev.grid.lock;

import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import dev.grid.core.test.ShiftedClock;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract on a CP group of one member ({@code grid.cp.memberCount: 1}); a second member of the
 * cluster, outside the group, is the other lock user.
 */
class SingleMemberLockTest extends FencedLockContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();
    private static final ShiftedClock CLOCK = new ShiftedClock();

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(2, 11);
        for (int i = 0; i < 2; i++) {
            GridConfig config = cluster.nextMemberConfig();
            config.getCp().setMemberCount(1);
            MEMBERS.add(Grid.embedded(config.setClock(CLOCK)));
        }
        CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Override
    protected Grid grid() {
        return MEMBERS.get(0);
    }

    @Override
    protected Grid other() {
        return MEMBERS.get(1);
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
