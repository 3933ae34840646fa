package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import dev.grid.core.test.ManualClock;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CP session lives exactly {@code grid.cp.sessionTtl} after its owner was last heard of, on the clock the CP
 * leader stamps commands with: here a {@link ManualClock} that stands still, so the holder's last heartbeat is
 * stamped with the clock's reading when its heartbeats stop, and each lock call is stamped with the reading the
 * test advanced it to. A CP group of one member; the other member holds the lock.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionTtlTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final ManualClock CLOCK = new ManualClock();
    private static final List<Grid> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(2, 11);
        for (int i = 0; i < 2; i++) {
            GridConfig config = cluster.nextMemberConfig().setClock(CLOCK);
            config.getCp().setMemberCount(1).setSessionTtl(TTL);
            MEMBERS.add(Grid.embedded(config));
        }
        CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Test
    void aSessionNotHeardOfExpiresTheMillisecondAfterItsTtlAndItsLockGoesToTheNextCaller() {
        Grid cpMember = MEMBERS.get(0);
        FencedLock held = GridLocks.of(MEMBERS.get(1)).get("ttl");
        long oldFence = held.lockAndGetFence();
        CpTestSupport.sessions(MEMBERS.get(1)).pauseHeartbeats(true); // the holder pauses (a GC pause, a frozen VM)
        try {
            FencedLock next = GridLocks.of(cpMember).get("ttl");
            long expiriesBefore = CpTestSupport.cp(cpMember).group().stateMachine().sessionExpiries();

            CLOCK.advance(TTL);
            assertFalse(next.tryLock(), "a session lives for its whole TTL");
            assertEquals(expiriesBefore, CpTestSupport.cp(cpMember).group().stateMachine().sessionExpiries());

            CLOCK.advance(Duration.ofMillis(1));
            assertTrue(next.tryLock(), "the holder's session expired the millisecond after its TTL and released the lock");
            assertEquals(expiriesBefore + 1, CpTestSupport.cp(cpMember).group().stateMachine().sessionExpiries());
            assertTrue(next.getFence() > oldFence);
            next.unlock();
        } finally {
            CpTestSupport.sessions(MEMBERS.get(1)).pauseHeartbeats(false);
        }
        assertThrows(LockOwnershipLostException.class, held::unlock, "the paused holder learns it lost the lock");
    }
}
