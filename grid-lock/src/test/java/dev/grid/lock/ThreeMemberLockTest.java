package dev.grid.lock;

import dev.grid.core.Grid;
import dev.grid.core.test.ShiftedClock;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
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
    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static Grid leader;

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(3, 11);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(Grid.embedded(cluster.nextMemberConfig().setClock(CLOCK)));
        }
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
    protected ShiftedClock clock() {
        return CLOCK;
    }

    @Override
    protected void pauseOtherHeartbeats(boolean paused) {
        CpTestSupport.sessions(other()).pauseHeartbeats(paused);
    }

    @Test
    void describeShowsHolderFenceHoldTimeAndWaitersFromAnyMember() throws Exception {
        com.hazelcast.cp.lock.FencedLock held = GridLocks.of(grid()).get("described");
        long fence = held.lockAndGetFence();
        java.util.concurrent.ExecutorService waiter = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Boolean> waiting = waiter.submit(
                    () -> GridLocks.of(other()).get("described").tryLock(30, java.util.concurrent.TimeUnit.SECONDS));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> GridLocks.of(leader).describe().stream().anyMatch(l -> l.name().equals("described") && l.waiters().size() == 1));
            for (Grid member : MEMBERS) {
                LockInfo info = GridLocks.of(member).describe().stream().filter(l -> l.name().equals("described")).findFirst().orElseThrow();
                assertEquals(fence, info.fence());
                assertEquals(1, info.holdCount());
                assertEquals(CpTestSupport.uuid(grid()), info.holder().owner());
                assertEquals(Thread.currentThread().getId(), info.holder().threadId());
                String ownerName = info.holder().ownerName();
                org.junit.jupiter.api.Assertions.assertTrue(ownerName.startsWith("member ")
                        && ownerName.endsWith(":" + grid().localMember().orElseThrow().port()), ownerName);
                assertEquals(CpTestSupport.uuid(other()), info.waiters().get(0).who().owner());
                long held0 = info.heldMillis(CLOCK.millis());
                org.junit.jupiter.api.Assertions.assertTrue(held0 >= 0 && held0 < 60_000, "held " + held0 + " ms");
            }
            held.unlock();
            org.junit.jupiter.api.Assertions.assertTrue(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS));
            LockInfo next = GridLocks.of(grid()).describe().stream().filter(l -> l.name().equals("described")).findFirst().orElseThrow();
            assertEquals(CpTestSupport.uuid(other()), next.holder().owner());
            org.junit.jupiter.api.Assertions.assertTrue(next.fence() > fence);
            org.junit.jupiter.api.Assertions.assertTrue(next.waiters().isEmpty());
            waiter.submit(() -> GridLocks.of(other()).get("described").unlock()).get(30, java.util.concurrent.TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> GridLocks.of(grid()).describe().stream().noneMatch(l -> l.name().equals("described")));
        } finally {
            waiter.shutdownNow();
        }
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
