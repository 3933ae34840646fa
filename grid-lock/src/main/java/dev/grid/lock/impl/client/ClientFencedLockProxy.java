package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.spi.ClientContext;
import com.hazelcast.client.impl.spi.ClientProxy;
import com.hazelcast.cp.CPGroupId;
import com.hazelcast.cp.lock.FencedLock;
import dev.grid.lock.impl.proxy.FencedLockCore;
import dev.grid.lock.impl.proxy.SessionManager;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * A FencedLock on a client. Routing only: the behaviour is {@link FencedLockCore}'s, the same as on
 * a member; the client has one CP session of its own, shared by all its locks, opened on first use
 * and closed when the client shuts down.
 */
public final class ClientFencedLockProxy extends ClientProxy implements FencedLock {
    private static final String SESSIONS_KEY = "dev.grid.lock.sessions";
    private static final long CLOSE_SESSION_TIMEOUT_MILLIS = 3000;
    private final FencedLockCore core;

    /** The constructor Hazelcast's proxy manager calls (see {@link LockClientProxyDescriptorProvider}). */
    public ClientFencedLockProxy(String serviceName, String name, ClientContext context) {
        super(serviceName, name, context);
        HazelcastClientInstanceImpl client = getClient();
        this.core = new FencedLockCore(name, new ClientLockGateway(client), sessions(client));
    }

    /** @return the client's CP session, created with the first lock proxy, closed when the client shuts down */
    public static SessionManager sessions(HazelcastClientInstanceImpl client) {
        return (SessionManager) client.getUserContext().computeIfAbsent(SESSIONS_KEY, key -> {
            SessionManager sessions = new SessionManager(new ClientLockGateway(client), "client-" + client.getName());
            client.disposeOnClientShutdown(() -> sessions.close(CLOSE_SESSION_TIMEOUT_MILLIS));
            return sessions;
        });
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

    /** Locks are not partitioned: they all live in the one CP group. The lock's name stands in. */
    @Override
    public String getPartitionKey() {
        return name;
    }

    @Override
    protected void onDestroy() {
        core.destroy();
    }

    @Override
    public String toString() {
        return "FencedLock{name=" + name + ", client}";
    }
}
