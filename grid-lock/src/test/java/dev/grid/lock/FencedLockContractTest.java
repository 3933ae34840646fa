package dev.grid.lock;

import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import com.hazelcast.spi.exception.DistributedObjectDestroyedException;
import dev.grid.core.Grid;
import dev.grid.core.test.ShiftedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FencedLock contract, written once and run on every topology: each subclass gives the grid the
 * lock is used from, another grid with its own CP session (another member, or a member when the
 * first is a client), and the clock every CP member stamps commands with.
 */
public abstract class FencedLockContractTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    protected FencedLock lock;
    protected String name;

    /** @return the grid the contract's calls come from */
    protected abstract Grid grid();

    /** @return another grid of the same cluster, with its own CP session */
    protected abstract Grid other();

    /** @return the clock of every CP member */
    protected abstract ShiftedClock clock();

    /** Stops (or resumes) the heartbeats of {@link #other()}'s CP session. */
    protected abstract void pauseOtherHeartbeats(boolean paused);

    @BeforeEach
    void newLock() {
        name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        lock = GridLocks.of(grid()).get(name);
    }

    private FencedLock otherLock() {
        return GridLocks.of(other()).get(name);
    }

    @Test
    void lockThenUnlock() {
        assertFalse(lock.isLocked());
        long fence = lock.lockAndGetFence();
        assertTrue(fence > 0, "a fence is a positive Raft index: " + fence);
        assertTrue(lock.isLocked());
        assertTrue(lock.isLockedByCurrentThread());
        assertEquals(1, lock.getLockCount());
        assertEquals(fence, lock.getFence());
        lock.unlock();
        assertFalse(lock.isLocked());
        assertFalse(lock.isLockedByCurrentThread());
        assertEquals(0, lock.getLockCount());
    }

    @Test
    void fencesStrictlyIncreaseAcrossAcquisitions() {
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            long fence = i % 2 == 0 ? lock.lockAndGetFence() : lock.tryLockAndGetFence();
            assertTrue(fence > previous, "fence " + fence + " after " + previous);
            previous = fence;
            lock.unlock();
        }
        long fromOther = otherLock().lockAndGetFence();
        assertTrue(fromOther > previous, "another session's fence " + fromOther + " after " + previous);
        otherLock().unlock();
    }

    @Test
    void reentrantAcquisitionKeepsItsFence() {
        long fence = lock.lockAndGetFence();
        assertEquals(fence, lock.lockAndGetFence());
        assertTrue(lock.tryLock());
        assertEquals(3, lock.getLockCount());
        assertEquals(fence, lock.getFence());
        lock.unlock();
        lock.unlock();
        assertTrue(lock.isLockedByCurrentThread());
        assertEquals(1, lock.getLockCount());
        lock.unlock();
        assertFalse(lock.isLocked());
    }

    @Test
    void tryLockGivesUpWhileAnotherHolds() throws Exception {
        long held = otherLock().lockAndGetFence();
        try {
            assertFalse(lock.tryLock());
            assertEquals(FencedLock.INVALID_FENCE, lock.tryLockAndGetFence());
            long start = System.nanoTime();
            assertFalse(lock.tryLock(300, TimeUnit.MILLISECONDS));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMillis >= 250, "tryLock(300 ms) waited " + waitedMillis + " ms");
            assertTrue(lock.isLocked());
            assertFalse(lock.isLockedByCurrentThread());
        } finally {
            otherLock().unlock();
        }
        long fence = lock.tryLockAndGetFence(5, TimeUnit.SECONDS);
        assertTrue(fence > held);
        lock.unlock();
    }

    @Test
    void waiterGetsTheLockWhenTheHolderReleases() throws Exception {
        long held = lock.lockAndGetFence();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Long> waiter = executor.submit(() -> {
                FencedLock sameLock = GridLocks.of(grid()).get(name);
                long fence = sameLock.lockAndGetFence();
                sameLock.unlock();
                return fence;
            });
            CompletableFuture<Long> timedWaiter = CompletableFuture.supplyAsync(() -> {
                long fence = otherLock().tryLockAndGetFence(20, TimeUnit.SECONDS);
                otherLock().unlock();
                return fence;
            });
            await().atMost(WAIT).until(() -> !waiter.isDone() && !timedWaiter.isDone());
            lock.unlock();
            long first = waiter.get(30, TimeUnit.SECONDS);
            long second = timedWaiter.get(30, TimeUnit.SECONDS);
            assertTrue(first > held && second > held && first != second, held + " then " + first + " and " + second);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void unlockByNonHolderThrowsIllegalMonitorState() {
        IllegalMonitorStateException free = assertThrows(IllegalMonitorStateException.class, lock::unlock);
        assertTrue(free.getMessage().contains(name), free.getMessage());
        otherLock().lock();
        try {
            assertThrows(IllegalMonitorStateException.class, lock::unlock);
            assertThrows(IllegalMonitorStateException.class, lock::getFence);
            assertTrue(lock.isLocked());
        } finally {
            otherLock().unlock();
        }
    }

    @Test
    void interruptedWaiterWithdrawsFromTheQueue() throws Exception {
        otherLock().lock();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                GridLocks.of(grid()).get(name).lockInterruptibly();
                outcome.set(new AssertionError("acquired the lock"));
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                done.countDown();
            }
        });
        waiter.start();
        await().atMost(WAIT).until(() -> waiter.getState() == Thread.State.WAITING || waiter.getState() == Thread.State.TIMED_WAITING);
        waiter.interrupt();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        otherLock().unlock();
        assertFalse(lock.isLocked(), "the interrupted waiter must not have been granted the lock");
        assertTrue(lock.tryLock());
        lock.unlock();
    }

    @Test
    void expiredSessionReleasesItsLocksAndItsHolderLearnsItLost() {
        FencedLock held = otherLock();
        long oldFence = held.lockAndGetFence();
        pauseOtherHeartbeats(true);
        try {
            clock().advance(Duration.ofMinutes(10)); // far beyond any session TTL: every session not heard of since expires
            await().atMost(WAIT).until(() -> !lock.isLocked());
            long newFence = lock.lockAndGetFence();
            assertTrue(newFence > oldFence);
            LockOwnershipLostException lost = assertThrows(LockOwnershipLostException.class, held::unlock);
            assertTrue(lost.getMessage().contains(name), lost.getMessage());
            lock.unlock();
        } finally {
            pauseOtherHeartbeats(false);
        }
        long again = held.lockAndGetFence(); // the old holder works again under a new session
        assertTrue(again > oldFence);
        held.unlock();
    }

    @Test
    void destroyWakesWaitersAndTheNameCanBeUsedAgain() throws Exception {
        long fence = lock.lockAndGetFence();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                outcome.set(otherLock().lockAndGetFence());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        waiter.start();
        await().atMost(WAIT).until(() -> waiter.getState() == Thread.State.WAITING);
        lock.destroy();
        waiter.join(30_000);
        assertTrue(outcome.get() instanceof DistributedObjectDestroyedException, String.valueOf(outcome.get()));
        FencedLock again = GridLocks.of(grid()).get(name);
        assertFalse(again.isLocked(), "the holder lost the lock with its state");
        assertThrows(IllegalMonitorStateException.class, again::unlock);
        assertTrue(again.lockAndGetFence() > fence, "fences keep increasing after a destroy");
        again.unlock();
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> lock.tryLock(-5, TimeUnit.MILLISECONDS));
        assertTrue(negative.getMessage().contains("-5"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lock.tryLockAndGetFence(-1, TimeUnit.SECONDS));
        IllegalArgumentException noUnit = assertThrows(IllegalArgumentException.class, () -> lock.tryLock(1, null));
        assertTrue(noUnit.getMessage().contains("unit"), noUnit.getMessage());
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class, () -> GridLocks.of(grid()).get(null));
        assertTrue(noName.getMessage().contains("null"), noName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridLocks.of(grid()).get(" "));
        assertThrows(NullPointerException.class, () -> GridLocks.of(null));
        assertFalse(lock.isLocked());
    }

    @Test
    void describesItself() {
        assertEquals(name, lock.getName());
        assertEquals("grid:lockService", lock.getServiceName());
        CPGroupId group = lock.getGroupId();
        assertEquals("default", group.getName());
        assertEquals(group, GridLocks.of(other()).get(name).getGroupId());
        assertThrows(UnsupportedOperationException.class, lock::newCondition);
    }
}
