package dev.grid.lock.impl.statemachine;

import dev.grid.core.test.ManualClock;
import dev.grid.lock.impl.commands.AcquireCommand;
import dev.grid.lock.impl.commands.CpCommand;
import dev.grid.lock.impl.commands.CreateSessionCommand;
import dev.grid.lock.impl.commands.DestroyLockCommand;
import dev.grid.lock.impl.commands.NewTermCommand;
import dev.grid.lock.impl.commands.OwnershipQuery;
import dev.grid.lock.impl.commands.ReleaseCommand;
import dev.grid.lock.impl.commands.SessionCommand;
import dev.grid.lock.impl.commands.TickCommand;
import dev.grid.lock.impl.commands.TimedCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock state machine alone, fed commands as the Raft log would, with time set by hand: no
 * cluster, no clock, no sleeps.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockStateMachineTest {
    private static final long TTL = 30_000;
    private final Map<UUID, Long> ended = new HashMap<>();
    private final LockStateMachine machine = new LockStateMachine(new ManualClock(), new WaitListener() {
        @Override
        public void waitEnded(UUID invocationUid, long result) {
            ended.put(invocationUid, result);
        }

        @Override
        public void stateReplaced() {
        }
    });
    private long index;
    private long now = 1_000_000;

    private Object apply(CpCommand command) {
        if (command instanceof TimedCommand) {
            ((TimedCommand) command).stamp(now);
        }
        return machine.runOperation(++index, command);
    }

    private long session() {
        return (Long) apply(new CreateSessionCommand(UUID.randomUUID(), "test", TTL));
    }

    private long acquire(String lock, long session, long thread, UUID uid, long timeout) {
        return (Long) apply(new AcquireCommand(lock, session, thread, uid, timeout, 0));
    }

    private long release(String lock, long session, long thread) {
        return (Long) apply(ReleaseCommand.unlock(lock, session, thread, UUID.randomUUID()));
    }

    private LockOwnership ownership(String lock) {
        return (LockOwnership) machine.runOperation(index, new OwnershipQuery(lock));
    }

    @Test
    void fenceIsTheCommitIndexOfTheAcquiringEntry() {
        long s = session();
        long fence = acquire("a", s, 1, UUID.randomUUID(), -1);
        assertEquals(index, fence);
        assertEquals(fence, acquire("a", s, 1, UUID.randomUUID(), -1), "reentrant keeps its fence");
        assertEquals(1, release("a", s, 1));
        assertEquals(0, release("a", s, 1));
        assertEquals(LockResults.NOT_HOLDER, release("a", s, 1));
        long next = acquire("a", s, 1, UUID.randomUUID(), 0);
        assertTrue(next > fence);
    }

    @Test
    void repeatedCallGetsTheSameAnswer() {
        long s = session();
        UUID uid = UUID.randomUUID();
        long fence = acquire("a", s, 1, uid, -1);
        assertEquals(fence, acquire("a", s, 1, uid, -1));
        assertEquals(1, ownership("a").lockCount(), "a repeat does not count twice");
        UUID releaseUid = UUID.randomUUID();
        assertEquals(0L, apply(ReleaseCommand.unlock("a", s, 1, releaseUid)));
        assertEquals(0L, apply(ReleaseCommand.unlock("a", s, 1, releaseUid)), "a repeated release is not NOT_HOLDER");
    }

    @Test
    void waiterIsGrantedOnReleaseWithTheReleasingEntrysIndex() {
        long s1 = session();
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        assertEquals(LockResults.WAITING, acquire("a", s2, 7, waiting, -1));
        assertEquals(LockResults.WAITING, acquire("a", s2, 7, waiting, -1), "a repeat of a waiting call still waits");
        assertEquals(0, release("a", s1, 1));
        assertEquals(index, ended.get(waiting));
        assertTrue(ownership("a").isLockedBy(s2, 7));
        assertEquals(index, acquire("a", s2, 7, waiting, -1), "a repeat after the grant answers the fence");
    }

    @Test
    void waitTimesOutAtLeaderTime() {
        long s1 = session();
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        assertEquals(LockResults.WAITING, acquire("a", s2, 1, waiting, 500));
        assertEquals(now + 500, machine.nextDeadline());
        now += 499;
        apply(new TickCommand());
        assertFalse(ended.containsKey(waiting));
        now += 1;
        apply(new TickCommand());
        assertEquals(LockResults.NOT_ACQUIRED, ended.get(waiting));
        assertEquals(0, release("a", s1, 1));
        assertFalse(ownership("a").isLocked(), "the timed-out waiter is not granted");
    }

    @Test
    void sessionExpiryReleasesItsLocksAndWakesTheNextWaiter() {
        long s1 = session();
        now += 10_000;
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        acquire("a", s2, 1, waiting, -1);
        now += TTL - 10_000;
        apply(SessionCommand.heartbeat(s2));
        now += 1;
        assertEquals(now, machine.nextDeadline());
        apply(new TickCommand());
        assertEquals(1, machine.sessionExpiries());
        assertEquals(index, ended.get(waiting));
        assertTrue(ownership("a").isLockedBy(s2, 1));
        assertEquals(LockResults.SESSION_EXPIRED, release("a", s1, 1));
        long s3 = session();
        assertEquals(LockResults.WAITING, acquire("a", s3, 1, UUID.randomUUID(), -1), "a new session works at once");
    }

    @Test
    void newSessionIsNotExpiredAfterTheClockJumps() {
        long s1 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        now += 600_000;
        apply(new TickCommand());
        assertFalse(ownership("a").isLocked());
        long s2 = session();
        assertTrue(acquire("a", s2, 1, UUID.randomUUID(), -1) > 0);
        assertEquals(LockResults.SESSION_EXPIRED, acquire("a", s1, 2, UUID.randomUUID(), -1));
    }

    @Test
    void newLeaderGivesEverySessionAFullTtl() {
        long s1 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        now += TTL + 5_000; // the election took long: nobody's heartbeat was committed
        apply(new NewTermCommand(now));
        assertTrue(ownership("a").isLocked());
        now += TTL;
        apply(new TickCommand());
        assertTrue(ownership("a").isLocked());
        now += 1;
        apply(new TickCommand());
        assertFalse(ownership("a").isLocked());
    }

    @Test
    void reentrancyLimitStopsTheHolder() {
        long s = session();
        apply(new AcquireCommand("a", s, 1, UUID.randomUUID(), -1, 2));
        apply(new AcquireCommand("a", s, 1, UUID.randomUUID(), -1, 2));
        assertEquals(LockResults.REENTRANCY_LIMIT_REACHED, apply(new AcquireCommand("a", s, 1, UUID.randomUUID(), -1, 2)));
        assertEquals(2, ownership("a").lockCount());
    }

    @Test
    void cancelledWaitLeavesTheQueueAndGrantedOneIsUndone() {
        long s1 = session();
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        acquire("a", s2, 1, waiting, -1);
        assertEquals(LockResults.NOT_ACQUIRED, apply(ReleaseCommand.cancelWait("a", s2, 1, waiting)));
        assertEquals(0, release("a", s1, 1));
        assertFalse(ownership("a").isLocked());
        // granted before the withdrawal arrived
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID late = UUID.randomUUID();
        acquire("a", s2, 1, late, -1);
        release("a", s1, 1);
        assertTrue(ownership("a").isLockedBy(s2, 1));
        apply(ReleaseCommand.cancelWait("a", s2, 1, late));
        assertFalse(ownership("a").isLocked());
    }

    @Test
    void destroyWakesWaiters() {
        long s1 = session();
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        acquire("a", s2, 1, waiting, -1);
        apply(new DestroyLockCommand("a"));
        assertEquals(LockResults.DESTROYED, ended.get(waiting));
        assertEquals(LockResults.NOT_HOLDER, release("a", s1, 1));
        assertEquals(0, machine.heldLocks());
    }

    @Test
    void leaderStampsACopyNeverTheCallersCommand() {
        AcquireCommand callers = new AcquireCommand("a", 1, 1, UUID.randomUUID(), -1, 0);
        callers.stamp(5);
        TimedCommand stamped = callers.stampedCopy(42);
        assertEquals(5, callers.now(), "a retry of the caller's command must not change an entry already in the log");
        assertEquals(42, stamped.now());
        assertEquals(callers.invocationUid(), ((AcquireCommand) stamped).invocationUid());
    }

    @Test
    void snapshotRestoresTheSameState() {
        long s1 = session();
        long s2 = session();
        acquire("a", s1, 1, UUID.randomUUID(), -1);
        acquire("b", s1, 2, UUID.randomUUID(), -1);
        UUID waiting = UUID.randomUUID();
        acquire("a", s2, 1, waiting, 10_000);
        List<Object> chunks = new ArrayList<>();
        machine.takeSnapshot(index, chunks::add);
        LockStateMachine copy = new LockStateMachine(new ManualClock(), new WaitListener() {
            @Override
            public void waitEnded(UUID invocationUid, long result) {
                ended.put(invocationUid, -100 - result);
            }

            @Override
            public void stateReplaced() {
            }
        });
        copy.installSnapshot(index, chunks);
        assertEquals(2, copy.heldLocks());
        assertEquals(2, copy.sessionCount());
        assertEquals(machine.nextDeadline(), copy.nextDeadline());
        ReleaseCommand release = ReleaseCommand.unlock("a", s1, 1, UUID.randomUUID());
        release.stamp(now);
        assertEquals(0L, copy.runOperation(++index, release));
        assertEquals(-100 - index, ended.get(waiting));
    }
}
