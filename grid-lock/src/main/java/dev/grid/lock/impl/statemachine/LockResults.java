package dev.grid.lock.impl.statemachine;

import com.hazelcast.cp.lock.FencedLock;

/**
 * The results of lock and session commands, as longs so they cross member and client connections
 * without wrapping. An acquisition answers its fence (a positive Raft commit index); a release
 * answers the hold count left (0 or more); everything else is one of these codes.
 */
public final class LockResults {
    /** The lock is held by someone else and the call did not wait (or its wait timed out). */
    public static final long NOT_ACQUIRED = FencedLock.INVALID_FENCE;
    /** Session commands that succeeded. */
    public static final long OK = 0;
    /** The call waits in the lock's queue; the leader answers it when it is granted or times out. Never reaches a proxy. */
    public static final long WAITING = -1;
    /** The caller's session is closed or expired: its locks are gone. */
    public static final long SESSION_EXPIRED = -2;
    /** The caller holds the lock already as many times as {@code grid.cp.lockReentrancyLimit} allows. */
    public static final long REENTRANCY_LIMIT_REACHED = -3;
    /** Release by a caller that does not hold the lock. */
    public static final long NOT_HOLDER = -4;
    /** The lock was destroyed while the call waited. */
    public static final long DESTROYED = -5;
    /** The member that held the waiting call lost track of it (snapshot, removal); the caller sends it again. Never reaches a proxy. */
    public static final long RETRY = -6;

    private LockResults() {
    }

    public static String describe(long result) {
        if (result > 0) {
            return "fence " + result;
        }
        switch ((int) result) {
            case 0:
                return "not acquired / ok";
            case -1:
                return "waiting";
            case -2:
                return "session expired";
            case -3:
                return "reentrancy limit reached";
            case -4:
                return "not the holder";
            case -5:
                return "destroyed";
            case -6:
                return "retry";
            default:
                return "unknown result " + result;
        }
    }
}
