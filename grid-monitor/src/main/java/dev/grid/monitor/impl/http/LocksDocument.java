package dev.grid.monitor.impl.http;

import dev.grid.lock.LockInfo;
import dev.grid.lock.LockOwner;

import java.util.List;

/**
 * {@code GET /api/locks}: the held locks as the CP group's leader described them, with how long each has been held
 * and waited for.
 *
 * @param locks   the held locks
 * @param problem why the CP group could not answer, or null
 */
record LocksDocument(List<Lock> locks, String problem) {

    static LocksDocument of(List<LockInfo> locks, long now, String problem) {
        return new LocksDocument(locks.stream().map(lock -> Lock.of(lock, now)).toList(), problem);
    }

    /** A held lock. */
    record Lock(String name, long fence, int holdCount, Holder holder, long acquiredAt, long heldMillis, List<Waiter> waiters) {
        static Lock of(LockInfo lock, long now) {
            List<Waiter> waiters = lock.waiters().stream().map(w -> Waiter.of(w.who(), Math.max(0, now - w.waitingSinceMillis()))).toList();
            return new Lock(lock.name(), lock.fence(), lock.holdCount(), Holder.of(lock.holder()), lock.acquiredAtMillis(),
                    lock.heldMillis(now), waiters);
        }
    }

    /** Who holds a lock. */
    record Holder(String ownerName, String owner, long threadId, long sessionId) {
        static Holder of(LockOwner who) {
            return new Holder(who.ownerName(), String.valueOf(who.owner()), who.threadId(), who.sessionId());
        }
    }

    /** Who waits for a lock, and for how long. */
    record Waiter(String ownerName, String owner, long threadId, long sessionId, long waitingMillis) {
        static Waiter of(LockOwner who, long waitingMillis) {
            return new Waiter(who.ownerName(), String.valueOf(who.owner()), who.threadId(), who.sessionId(), waitingMillis);
        }
    }
}
