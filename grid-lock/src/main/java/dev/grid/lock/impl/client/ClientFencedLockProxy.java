package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.spi.ClientContext;
import com.hazelcast.client.impl.spi.ClientProxy;
import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.config.StructureNames;
import dev.grid.lock.impl.LockService;
import dev.grid.lock.impl.proxy.DelegatingFencedLock;
import dev.grid.lock.impl.proxy.FencedLockCore;
import dev.grid.lock.impl.proxy.SessionManager;

/**
 * A FencedLock on a client. Routing only: the behaviour is {@link FencedLockCore}'s, the same as on
 * a member; the client has one CP session of its own, shared by all its locks, opened on first use
 * and closed when the client shuts down.
 */
public final class ClientFencedLockProxy extends ClientProxy implements DelegatingFencedLock {
    private static final String SESSIONS_KEY = "dev.grid.lock.sessions";
    private static final String GATEWAY_KEY = "dev.grid.lock.gateway";
    private static final long CLOSE_SESSION_TIMEOUT_MILLIS = 3000;
    private final FencedLockCore core;

    /** The constructor Hazelcast's proxy manager calls (see {@link LockClientProxyDescriptorProvider}). */
    public ClientFencedLockProxy(String serviceName, String name, ClientContext context) {
        super(serviceName, StructureNames.check(LockService.NAME_KIND, name), context);
        HazelcastClientInstanceImpl client = getClient();
        this.core = new FencedLockCore(name, gateway(client), sessions(client));
    }

    /** @return the client's one way to the CP group, shared by its locks and its session (so all learn the leader) */
    public static ClientLockGateway gateway(HazelcastClientInstanceImpl client) {
        return (ClientLockGateway) client.getUserContext().computeIfAbsent(GATEWAY_KEY, key -> new ClientLockGateway(client));
    }

    /** @return the client's CP session, created with the first lock proxy, closed when the client shuts down */
    public static SessionManager sessions(HazelcastClientInstanceImpl client) {
        return (SessionManager) client.getUserContext().computeIfAbsent(SESSIONS_KEY, key -> {
            SessionManager sessions = new SessionManager(gateway(client), "client-" + client.getName());
            client.disposeOnClientShutdown(() -> sessions.close(CLOSE_SESSION_TIMEOUT_MILLIS));
            return sessions;
        });
    }

    @Override
    public FencedLockCore core() {
        return core;
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
