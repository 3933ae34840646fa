package dev.grid.lock.impl.proxy;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import dev.grid.lock.impl.statemachine.LockResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CP session of one member or client: opened on the first lock call, kept alive by heartbeats
 * every {@code grid.cp.sessionHeartbeatInterval}, closed when the owner shuts down (which releases
 * its locks at once instead of after the TTL). When the group answers that the session has expired,
 * it is dropped here and the next lock call opens a new one; threads that held locks under the old
 * one learn it from {@code LockOwnershipLostException}.
 */
public final class SessionManager {
    public static final long NO_SESSION = 0;
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final LockGateway gateway;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private volatile SessionGrant current;
    private CompletableFuture<SessionGrant> opening;
    private ScheduledFuture<?> heartbeats;
    private volatile boolean heartbeatsPaused;
    private volatile boolean closed;

    public SessionManager(LockGateway gateway, String ownerName) {
        this.gateway = gateway;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grid-cp-session-" + ownerName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the open session's id, opening a session first if there is none */
    public long acquireSession() {
        SessionGrant session = current;
        if (session != null) {
            return session.id();
        }
        CompletableFuture<SessionGrant> future;
        boolean open = false;
        synchronized (lock) {
            if (closed) {
                throw new HazelcastInstanceNotActiveException("the CP session of this grid member or client is closed");
            }
            if (current != null) {
                return current.id();
            }
            if (opening == null) {
                opening = new CompletableFuture<>();
                open = true;
            }
            future = opening;
        }
        if (open) {
            gateway.createSession().whenComplete((grant, error) -> opened(future, grant, error));
        }
        return Futures.join(future).id();
    }

    private void opened(CompletableFuture<SessionGrant> future, SessionGrant grant, Throwable error) {
        synchronized (lock) {
            if (opening == future) {
                opening = null;
            }
            if (error == null) {
                current = grant;
                if (heartbeats != null) {
                    heartbeats.cancel(false);
                }
                if (!closed) {
                    long period = grant.heartbeatMillis();
                    heartbeats = scheduler.scheduleAtFixedRate(() -> heartbeat(grant.id()), period, period, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(grant);
        }
    }

    /** @return the open session's id, or {@link #NO_SESSION} */
    public long currentSession() {
        SessionGrant session = current;
        return session == null ? NO_SESSION : session.id();
    }

    /** Forgets the session if it is still the current one (the group said it has expired). */
    public void invalidate(long sessionId) {
        synchronized (lock) {
            if (current != null && current.id() == sessionId) {
                current = null;
                if (heartbeats != null) {
                    heartbeats.cancel(false);
                    heartbeats = null;
                }
            }
        }
    }

    private void heartbeat(long sessionId) {
        if (heartbeatsPaused || closed) {
            return;
        }
        gateway.heartbeat(sessionId).whenComplete((result, error) -> {
            if (error == null && result == LockResults.SESSION_EXPIRED) {
                LOG.warn("CP session {} has expired: the locks it held are released", sessionId);
                invalidate(sessionId);
            } else if (error != null) {
                LOG.debug("heartbeat of CP session {} failed: {}", sessionId, error.toString());
            }
        });
    }

    /** For tests: stops (or resumes) heartbeats, so the session expires after its TTL. */
    public void pauseHeartbeats(boolean paused) {
        heartbeatsPaused = paused;
    }

    /** Stops heartbeats without closing the session (the member is being terminated: as if it crashed). */
    public void stop() {
        synchronized (lock) {
            closed = true;
            current = null;
        }
        scheduler.shutdownNow();
    }

    /** Closes the session (releasing its locks) and stops heartbeats; waits at most {@code timeoutMillis}. */
    public void close(long timeoutMillis) {
        SessionGrant session;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            session = current;
            current = null;
        }
        scheduler.shutdownNow();
        if (session != null) {
            try {
                gateway.closeSession(session.id()).get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("could not close CP session {}: {}", session.id(), e.toString());
            }
        }
    }
}
