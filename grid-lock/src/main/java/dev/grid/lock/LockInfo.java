package dev.grid.lock;

import java.util.List;

/**
 * One held lock as the CP group's leader sees it, from {@link GridLocks#describe()}.
 *
 * @param name             the lock's name
 * @param fence            the fence its holder got
 * @param holdCount        how many times the holder holds it (reentrant acquisitions)
 * @param holder           the holding thread
 * @param acquiredAtMillis when the holder got it: the CP leader's clock, epoch milliseconds
 * @param waiters          the calls waiting for it, first in line first
 * @since 0.1
 */
public record LockInfo(String name, long fence, int holdCount, LockOwner holder, long acquiredAtMillis, List<LockWaiter> waiters) {

    public LockInfo {
        waiters = List.copyOf(waiters);
    }

    /**
     * @param nowMillis the current time, epoch milliseconds
     * @return how long the lock has been held (0 if the clocks disagree)
     */
    public long heldMillis(long nowMillis) {
        return Math.max(0, nowMillis - acquiredAtMillis);
    }
}
