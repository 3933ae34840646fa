package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.spi.impl.AbstractDistributedObject;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.lock.impl.LockService;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** A FencedLock on an embedded member. Routing only: the behaviour is {@link FencedLockCore}'s. */
public final class FencedLockProxy extends AbstractDistributedObject<LockService> implements FencedLock {
    private final FencedLockCore core;

    public FencedLockProxy(String name, NodeEngine nodeEngine, LockService service) {
        super(nodeEngine, service);
        this.core = new FencedLockCore(name, service.gateway(), service.sessions());
    }

    @Override
    public void lock() {
        core.lockAndGetFence();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        core.lockInterruptibly();
    }

    @Override
    public long lockAndGetFence() {
        return core.lockAndGetFence();
    }

    @Override
    public boolean tryLock() {
        return core.tryLockAndGetFence(0, TimeUnit.MILLISECONDS) != INVALID_FENCE;
    }

    @Override
    public long tryLockAndGetFence() {
        return core.tryLockAndGetFence(0, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
        return core.tryLockAndGetFence(time, unit) != INVALID_FENCE;
    }

    @Override
    public long tryLockAndGetFence(long time, TimeUnit unit) {
        return core.tryLockAndGetFence(time, unit);
    }

    @Override
    public void unlock() {
        core.unlock();
    }

    @Override
    public long getFence() {
        return core.getFence();
    }

    @Override
    public boolean isLocked() {
        return core.isLocked();
    }

    @Override
    public boolean isLockedByCurrentThread() {
        return core.isLockedByCurrentThread();
    }

    @Override
    public int getLockCount() {
        return core.getLockCount();
    }

    @Override
    public CPGroupId getGroupId() {
        return core.getGroupId();
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("FencedLock has no conditions (as in Hazelcast)");
    }

    @Override
    public String getName() {
        return core.name();
    }

    /** Locks are not partitioned: they all live in the one CP group. The lock's name stands in. */
    @Override
    public String getPartitionKey() {
        return core.name();
    }

    @Override
    public String getServiceName() {
        return LockService.SERVICE_NAME;
    }

    @Override
    protected void postDestroy() {
        core.destroy();
    }

    @Override
    public String toString() {
        return "FencedLock{name=" + core.name() + "}";
    }
}
