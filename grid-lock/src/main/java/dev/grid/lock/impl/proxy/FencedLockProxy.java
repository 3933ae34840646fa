package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.spi.impl.AbstractDistributedObject;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.lock.impl.LockService;


/** A FencedLock on an embedded member. Routing only: the behaviour is {@link FencedLockCore}'s. */
public final class FencedLockProxy extends AbstractDistributedObject<LockService> implements DelegatingFencedLock {
    private final FencedLockCore core;

    public FencedLockProxy(String name, NodeEngine nodeEngine, LockService service) {
        super(nodeEngine, service);
        this.core = new FencedLockCore(name, service.gateway(), service.sessions());
    }

    @Override
    public FencedLockCore core() {
        return core;
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
