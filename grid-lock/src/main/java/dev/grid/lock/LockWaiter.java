package dev.grid.lock;

/**
 * A call waiting in a lock's queue.
 *
 * @param who                the waiting thread
 * @param waitingSinceMillis when it started waiting: the CP leader's clock, epoch milliseconds
 * @since 0.1
 */
public record LockWaiter(LockOwner who, long waitingSinceMillis) {
}
