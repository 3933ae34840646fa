package dev.grid.lock.impl;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.internal.services.GracefulShutdownAwareService;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.internal.services.RemoteService;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.config.StructureNames;
import dev.grid.lock.impl.proxy.FencedLockProxy;
import dev.grid.lock.impl.proxy.MemberLockGateway;
import dev.grid.lock.impl.proxy.SessionManager;

import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The FencedLock service of one member (a Hazelcast service, found through
 * {@code META-INF/services}): creates lock proxies (for this member's code, and for clients' proxy
 * registrations) and owns the member's CP session, which it closes when the member shuts down
 * gracefully so its locks are released at once.
 */
public final class LockService implements ManagedService, RemoteService, GracefulShutdownAwareService {
    public static final String SERVICE_NAME = "grid:lockService";
    /** How messages about a bad lock name call it (the rule is {@link StructureNames}'). */
    public static final String NAME_KIND = "FencedLock name";
    private static final long CLOSE_SESSION_TIMEOUT_MILLIS = 3000;

    private final NodeEngine nodeEngine;
    private volatile MemberLockGateway gateway;
    private volatile SessionManager sessions;

    public LockService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        // the CP service is created alongside; everything here is created on first use
    }

    public CpService cp() {
        return nodeEngine.getService(CpService.SERVICE_NAME);
    }

    public MemberLockGateway gateway() {
        MemberLockGateway g = gateway;
        if (g == null) {
            synchronized (this) {
                if (gateway == null) {
                    gateway = MemberLockGateway.forMember(cp());
                }
                g = gateway;
            }
        }
        return g;
    }

    /** @return this member's CP session (opened on the first lock call) */
    public SessionManager sessions() {
        SessionManager s = sessions;
        if (s == null) {
            synchronized (this) {
                if (sessions == null) {
                    sessions = new SessionManager(gateway(), Integer.toString(nodeEngine.getThisAddress().getPort()));
                }
                s = sessions;
            }
        }
        return s;
    }

    @Override
    public DistributedObject createDistributedObject(String name, UUID source, boolean local) {
        return new FencedLockProxy(StructureNames.check(NAME_KIND, name), nodeEngine, this);
    }

    @Override
    public void destroyDistributedObject(String name, boolean local) {
        // the lock's state lives in the CP group; FencedLock.destroy() removes it there
    }

    @Override
    public boolean onShutdown(long timeout, TimeUnit unit) {
        SessionManager s = sessions;
        if (s != null) {
            s.close(Math.min(unit.toMillis(timeout), CLOSE_SESSION_TIMEOUT_MILLIS));
        }
        return true;
    }

    @Override
    public void reset() {
        // nothing held here survives a cluster reset: the session is the CP group's
    }

    @Override
    public void shutdown(boolean terminate) {
        SessionManager s = sessions;
        if (s != null) {
            s.stop();
        }
    }
}
