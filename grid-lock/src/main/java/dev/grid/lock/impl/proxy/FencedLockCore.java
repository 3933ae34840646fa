package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockAcquireLimitReachedException;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import com.hazelcast.spi.exception.DistributedObjectDestroyedException;
import dev.grid.lock.impl.statemachine.LockOwnership;
import dev.grid.lock.impl.statemachine.LockResults;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The behaviour of a FencedLock, shared by the member proxy and the client proxy. The lock's state
 * (holder, count, fence, queue) lives in the CP group; this side keeps, per thread, the session
 * under which the thread holds the lock, to tell a thread whose session has gone that it lost the
 * lock ({@link LockOwnershipLostException}) rather than let it carry on as if nothing happened.
 */
public final class FencedLockCore {
    private static final long CANCEL_TIMEOUT_MILLIS = 10_000;
    /** A fresh session that expires at once this many times in a row means something is wrong: fail, do not spin. */
    private static final int MAX_SESSION_RENEWALS = 5;

    private final String name;
    private final LockGateway gateway;
    private final SessionManager sessions;
    /** thread id -> the session under which that thread holds this lock */
    private final Map<Long, Long> heldUnder = new ConcurrentHashMap<>();

    public FencedLockCore(String name, LockGateway gateway, SessionManager sessions) {
        this.name = name;
        this.gateway = gateway;
        this.sessions = sessions;
    }

    public String name() {
        return name;
    }

    public long lockAndGetFence() {
        try {
            return lock(false);
        } catch (InterruptedException e) {
            throw new IllegalStateException("not interruptible", e); // lock(false) never waits interruptibly
        }
    }

    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before locking " + name);
        }
        lock(true);
    }

    private long lock(boolean interruptibly) throws InterruptedException {
        long threadId = threadId();
        UUID uid = newUid();
        for (int renewals = 0; ; renewals++) {
            long sessionId = sessions.acquireSession();
            checkStillHeldUnder(threadId, sessionId);
            checkRenewals(renewals);
            CompletableFuture<Long> call = gateway.acquire(name, sessionId, threadId, uid, -1);
            long result;
            if (interruptibly) {
                try {
                    result = Futures.get(call);
                } catch (InterruptedException e) {
                    withdraw(sessionId, threadId, uid);
                    throw e;
                }
            } else {
                result = Futures.join(call);
            }
            if (result > 0) {
                heldUnder.put(threadId, sessionId);
                return result;
            }
            if (result == LockResults.SESSION_EXPIRED) {
                sessions.invalidate(sessionId);
                checkNotHeld(threadId, sessionId);
                continue;
            }
            throw failure(result);
        }
    }

    private void withdraw(long sessionId, long threadId, UUID uid) {
        try {
            Futures.get(gateway.cancelWait(name, sessionId, threadId, uid), CANCEL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            // the caller is interrupted anyway; if the withdrawal never arrives, the session's end releases the lock
        }
    }

    public long tryLockAndGetFence(long time, TimeUnit unit) {
        if (unit == null) {
            throw new IllegalArgumentException("tryLock time unit must not be null (lock " + name + ")");
        }
        if (time < 0) {
            throw new IllegalArgumentException("tryLock timeout must be >= 0, was " + time + " " + unit + " (lock " + name + ")");
        }
        long timeoutMillis = unit.toMillis(time);
        long threadId = threadId();
        UUID uid = newUid();
        // the wait's timeout is decided by the CP leader (its clock); this deadline only bounds how long the caller's
        // thread keeps asking again after its session expired, in real time like any blocking call's timeout
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int renewals = 0; ; renewals++) {
            long sessionId = sessions.acquireSession();
            checkStillHeldUnder(threadId, sessionId);
            checkRenewals(renewals);
            long result = Futures.join(gateway.acquire(name, sessionId, threadId, uid, timeoutMillis));
            if (result > 0) {
                heldUnder.put(threadId, sessionId);
                return result;
            }
            if (result == LockResults.NOT_ACQUIRED || result == LockResults.REENTRANCY_LIMIT_REACHED) {
                return FencedLock.INVALID_FENCE;
            }
            if (result == LockResults.SESSION_EXPIRED) {
                sessions.invalidate(sessionId);
                checkNotHeld(threadId, sessionId);
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (timeoutMillis > 0 && left <= 0) {
                    return FencedLock.INVALID_FENCE;
                }
                timeoutMillis = Math.max(0, left);
                continue;
            }
            throw failure(result);
        }
    }

    public void unlock() {
        long threadId = threadId();
        long sessionId = sessions.currentSession();
        checkStillHeldUnder(threadId, sessionId);
        if (sessionId == SessionManager.NO_SESSION) {
            heldUnder.remove(threadId);
            throw notHolder();
        }
        long result = Futures.join(gateway.release(name, sessionId, threadId, newUid()));
        if (result > 0) {
            heldUnder.put(threadId, sessionId);
        } else if (result == 0) {
            heldUnder.remove(threadId);
        } else if (result == LockResults.SESSION_EXPIRED) {
            sessions.invalidate(sessionId);
            heldUnder.remove(threadId);
            throw ownershipLost(sessionId);
        } else if (result == LockResults.NOT_HOLDER) {
            Long held = heldUnder.remove(threadId);
            throw held != null ? ownershipLost(held) : notHolder();
        } else {
            throw failure(result);
        }
    }

    public long getFence() {
        long threadId = threadId();
        long sessionId = sessions.currentSession();
        checkStillHeldUnder(threadId, sessionId);
        if (sessionId == SessionManager.NO_SESSION) {
            heldUnder.remove(threadId);
            throw notHolder();
        }
        LockOwnership ownership = Futures.join(gateway.ownership(name));
        if (ownership.isLockedBy(sessionId, threadId)) {
            heldUnder.put(threadId, sessionId);
            return ownership.fence();
        }
        checkNotHeld(threadId, sessionId);
        throw notHolder();
    }

    public boolean isLocked() {
        long threadId = threadId();
        long sessionId = sessions.currentSession();
        checkStillHeldUnder(threadId, sessionId);
        LockOwnership ownership = Futures.join(gateway.ownership(name));
        if (ownership.isLockedBy(sessionId, threadId)) {
            heldUnder.put(threadId, sessionId);
            return true;
        }
        checkNotHeld(threadId, sessionId);
        return ownership.isLocked();
    }

    public boolean isLockedByCurrentThread() {
        long threadId = threadId();
        long sessionId = sessions.currentSession();
        checkStillHeldUnder(threadId, sessionId);
        LockOwnership ownership = Futures.join(gateway.ownership(name));
        if (ownership.isLockedBy(sessionId, threadId)) {
            heldUnder.put(threadId, sessionId);
            return true;
        }
        checkNotHeld(threadId, sessionId);
        return false;
    }

    public int getLockCount() {
        long threadId = threadId();
        long sessionId = sessions.currentSession();
        checkStillHeldUnder(threadId, sessionId);
        LockOwnership ownership = Futures.join(gateway.ownership(name));
        if (ownership.isLockedBy(sessionId, threadId)) {
            heldUnder.put(threadId, sessionId);
        } else {
            checkNotHeld(threadId, sessionId);
        }
        return ownership.lockCount();
    }

    public CPGroupId getGroupId() {
        return Futures.join(gateway.groupId());
    }

    /** Drops the lock's state in the CP group: a holder loses it, waiters get DistributedObjectDestroyedException. */
    public void destroy() {
        heldUnder.clear();
        Futures.join(gateway.destroy(name));
    }

    /** The thread held the lock under another session than the current one: that session is gone. */
    private void checkStillHeldUnder(long threadId, long sessionId) {
        Long held = heldUnder.get(threadId);
        if (held != null && held != sessionId) {
            heldUnder.remove(threadId);
            throw ownershipLost(held);
        }
    }

    /** The group says the thread does not hold the lock: if the thread thought it did, it lost it. */
    private void checkNotHeld(long threadId, long sessionId) {
        Long held = heldUnder.remove(threadId);
        if (held != null) {
            throw ownershipLost(held);
        }
    }

    private void checkRenewals(int renewals) {
        if (renewals > MAX_SESSION_RENEWALS) {
            throw new IllegalStateException("lock " + name + ": the CP group answered 'session expired' " + renewals
                    + " times in a row, new sessions included; are the CP members' clocks far apart?");
        }
    }

    private RuntimeException failure(long result) {
        if (result == LockResults.REENTRANCY_LIMIT_REACHED) {
            return new LockAcquireLimitReachedException("lock " + name + " is held by the current thread as many times as "
                    + "grid.cp.lockReentrancyLimit allows");
        }
        if (result == LockResults.DESTROYED) {
            return new DistributedObjectDestroyedException("lock " + name + " was destroyed while the current thread waited for it");
        }
        return new IllegalStateException("lock " + name + ": unexpected answer from the CP group: " + LockResults.describe(result));
    }

    private IllegalMonitorStateException notHolder() {
        return new IllegalMonitorStateException("the current thread does not hold lock " + name);
    }

    private LockOwnershipLostException ownershipLost(long sessionId) {
        return new LockOwnershipLostException("the current thread no longer holds lock " + name + ": its CP session "
                + sessionId + " was closed or expired (no heartbeat for grid.cp.sessionTtl), and the lock may have another "
                + "holder by now, with a higher fence");
    }

    private static long threadId() {
        return Thread.currentThread().getId();
    }

    private static UUID newUid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }
}
