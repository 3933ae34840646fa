package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.lock.FencedLock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Hazelcast's FencedLock methods, each handed to a {@link FencedLockCore}: what the member proxy and
 * the client proxy share (they differ only in their Hazelcast base class and how they reach the CP group).
 */
public interface DelegatingFencedLock extends FencedLock {

    /** @return the lock's behaviour */
    FencedLockCore core();

    @Override
    default void lock() {
        core().lockAndGetFence();
    }

    @Override
    default void lockInterruptibly() throws InterruptedException {
        core().lockInterruptibly();
    }

    @Override
    default long lockAndGetFence() {
        return core().lockAndGetFence();
    }

    @Override
    default boolean tryLock() {
        return core().tryLockAndGetFence(0, TimeUnit.MILLISECONDS) != INVALID_FENCE;
    }

    @Override
    default long tryLockAndGetFence() {
        return core().tryLockAndGetFence(0, TimeUnit.MILLISECONDS);
    }

    @Override
    default boolean tryLock(long time, TimeUnit unit) {
        return core().tryLockAndGetFence(time, unit) != INVALID_FENCE;
    }

    @Override
    default long tryLockAndGetFence(long time, TimeUnit unit) {
        return core().tryLockAndGetFence(time, unit);
    }

    @Override
    default void unlock() {
        core().unlock();
    }

    @Override
    default long getFence() {
        return core().getFence();
    }

    @Override
    default boolean isLocked() {
        return core().isLocked();
    }

    @Override
    default boolean isLockedByCurrentThread() {
        return core().isLockedByCurrentThread();
    }

    @Override
    default int getLockCount() {
        return core().getLockCount();
    }

    @Override
    default CPGroupId getGroupId() {
        return core().getGroupId();
    }

    @Override
    default Condition newCondition() {
        throw new UnsupportedOperationException("FencedLock has no conditions (as in Hazelcast)");
    }
}
