package dev.grid.lock;

import dev.grid.core.Grid;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import dev.grid.lock.test.CpTestSupport.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The contract on a CP group of three members, called from a follower (so calls are forwarded to
 * the leader) while another follower is the other lock user.
 */
class ThreeMemberLockTest extends FencedLockContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();
    private static final TestClock CLOCK = new TestClock();
    private static Grid leader;

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(3, 11);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(cluster.startMember());
        }
        CLOCK.installOn(MEMBERS);
        leader = CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    private static List<Grid> followers() {
        List<Grid> followers = new ArrayList<>(MEMBERS);
        followers.remove(leader);
        return followers;
    }

    @Override
    protected Grid grid() {
        return followers().get(0);
    }

    @Override
    protected Grid other() {
        return followers().get(1);
    }

    @Override
    protected TestClock clock() {
        return CLOCK;
    }

    @Override
    protected void pauseOtherHeartbeats(boolean paused) {
        CpTestSupport.sessions(other()).pauseHeartbeats(paused);
    }

    @Test
    void everyMemberRunsANodeOfTheSameGroup() {
        Set<UUID> uuids = new HashSet<>();
        for (Grid member : MEMBERS) {
            assertNotNull(CpTestSupport.view(member));
            assertEquals(CpTestSupport.view(leader).groupId(), CpTestSupport.view(member).groupId());
            uuids.add(CpTestSupport.uuid(member));
        }
        assertEquals(uuids, new HashSet<>(CpTestSupport.view(leader).votingMembers()));
    }
}
