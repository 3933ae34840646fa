package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockAcquireLimitReachedException;
import dev.grid.core.Grid;
import dev.grid.core.config.GridConfig;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** grid.cp.* settings that change what a lock does: the reentrancy limit, the CP subsystem off, a group not formed. */
class CpConfigurationTest {

    @Test
    void reentrancyLimitStopsTheHolder() {
        TestClusters cluster = TestClusters.of(1, 11);
        GridConfig config = cluster.nextMemberConfig();
        config.getCp().setMemberCount(1).setLockReentrancyLimit(2);
        try (Grid grid = Grid.embedded(config)) {
            FencedLock lock = GridLocks.of(grid).get("limited");
            long fence = lock.lockAndGetFence();
            assertEquals(fence, lock.lockAndGetFence());
            LockAcquireLimitReachedException e = assertThrows(LockAcquireLimitReachedException.class, lock::lock);
            assertTrue(e.getMessage().contains("grid.cp.lockReentrancyLimit"), e.getMessage());
            assertFalse(lock.tryLock(), "tryLock answers false at the limit");
            assertEquals(2, lock.getLockCount());
            lock.unlock();
            lock.unlock();
            assertFalse(lock.isLocked());
        }
    }

    @Test
    void nonReentrantLockRefusesASecondAcquisition() {
        TestClusters cluster = TestClusters.of(1, 11);
        GridConfig config = cluster.nextMemberConfig();
        config.getCp().setMemberCount(1).setLockReentrancyLimit(1);
        try (Grid grid = Grid.embedded(config)) {
            FencedLock lock = GridLocks.of(grid).get("once");
            lock.lock();
            assertThrows(LockAcquireLimitReachedException.class, lock::lock);
            assertEquals(1, lock.getLockCount());
            lock.unlock();
        }
    }

    @Test
    void cpOffFailsEveryLockCallWithAClearError() {
        TestClusters cluster = TestClusters.of(1, 11);
        GridConfig config = cluster.nextMemberConfig();
        config.getCp().setMemberCount(0);
        try (Grid grid = Grid.embedded(config)) {
            FencedLock lock = GridLocks.of(grid).get("off");
            CpUnavailableException e = assertThrows(CpUnavailableException.class, lock::lock);
            assertTrue(e.getMessage().contains("grid.cp.memberCount: 0"), e.getMessage());
            assertThrows(CpUnavailableException.class, lock::isLocked);
            assertEquals(new CpStatus(false, false, false, false), GridLocks.of(grid).status(), "the status says why, without a call");
        }
    }

    @Test
    void groupNotFormedYetFailsAfterTheRetryWindow() {
        TestClusters cluster = TestClusters.of(1, 11);
        GridConfig config = cluster.nextMemberConfig();
        config.getCp().setMemberCount(3).setSessionTtl(Duration.ofSeconds(2)).setSessionHeartbeatInterval(Duration.ofSeconds(1));
        try (Grid grid = Grid.embedded(config)) {
            FencedLock lock = GridLocks.of(grid).get("alone");
            long start = System.nanoTime();
            CpUnavailableException e = assertThrows(CpUnavailableException.class, () -> lock.tryLock(1, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("has not formed yet") && e.getMessage().contains("the cluster has 1"), e.getMessage());
            assertTrue(tookMillis >= 1500 && tookMillis < 10_000, "gave up after " + tookMillis + " ms");
            assertEquals(new CpStatus(true, false, false, false), GridLocks.of(grid).status(), "on, not formed");
        }
    }
}
