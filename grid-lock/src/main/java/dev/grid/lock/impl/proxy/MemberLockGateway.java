package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.CPGroupId;
import dev.grid.core.config.GridCpConfig;
import dev.grid.lock.CpUnavailableException;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.commands.AcquireCommand;
import dev.grid.lock.impl.commands.CpCommand;
import dev.grid.lock.impl.commands.CreateSessionCommand;
import dev.grid.lock.impl.commands.DestroyLockCommand;
import dev.grid.lock.impl.commands.OwnershipQuery;
import dev.grid.lock.impl.commands.ReleaseCommand;
import dev.grid.lock.impl.commands.SessionCommand;
import dev.grid.lock.impl.raft.CpGroupView;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A member's way to the CP group: commands through the member's {@link dev.grid.lock.impl.raft.RaftInvoker}.
 * Client calls take the same way once they reach a member ({@link #forOwner}).
 */
public final class MemberLockGateway implements LockGateway {
    private final CpService cp;
    private final UUID owner;
    private final String ownerName;

    private MemberLockGateway(CpService cp, UUID owner, String ownerName) {
        this.cp = cp;
        this.owner = owner;
        this.ownerName = ownerName;
    }

    /** @return the gateway of the member itself: sessions owned by the member */
    public static MemberLockGateway forMember(CpService cp) {
        return new MemberLockGateway(cp, cp.nodeEngine().getLocalMember().getUuid(), "member " + cp.nodeEngine().getThisAddress());
    }

    /** @return a gateway whose sessions belong to another owner (a client served by this member) */
    public static MemberLockGateway forOwner(CpService cp, UUID owner, String ownerName) {
        return new MemberLockGateway(cp, owner, ownerName);
    }

    private GridCpConfig config() {
        return cp.config();
    }

    @Override
    public CompletableFuture<SessionGrant> createSession() {
        long ttl = config().getSessionTtl().toMillis();
        long heartbeat = config().getSessionHeartbeatInterval().toMillis();
        return invoke(new CreateSessionCommand(owner, ownerName, ttl)).thenApply(id -> new SessionGrant(id, ttl, heartbeat));
    }

    @Override
    public CompletableFuture<Long> heartbeat(long sessionId) {
        return invoke(SessionCommand.heartbeat(sessionId));
    }

    @Override
    public CompletableFuture<Long> closeSession(long sessionId) {
        return invoke(SessionCommand.close(sessionId));
    }

    @Override
    public CompletableFuture<Long> acquire(String name, long sessionId, long threadId, UUID invocationUid, long timeoutMillis) {
        return invoke(new AcquireCommand(name, sessionId, threadId, invocationUid, timeoutMillis, config().getLockReentrancyLimit()));
    }

    @Override
    public CompletableFuture<Long> release(String name, long sessionId, long threadId, UUID invocationUid) {
        return invoke(ReleaseCommand.unlock(name, sessionId, threadId, invocationUid));
    }

    @Override
    public CompletableFuture<Long> cancelWait(String name, long sessionId, long threadId, UUID acquireUid) {
        return invoke(ReleaseCommand.cancelWait(name, sessionId, threadId, acquireUid));
    }

    @Override
    public CompletableFuture<LockOwnership> ownership(String name) {
        return cp.invoker().invoke(new OwnershipQuery(name)).thenApply(LockOwnership.class::cast);
    }

    @Override
    public CompletableFuture<Long> destroy(String name) {
        return invoke(new DestroyLockCommand(name));
    }

    @Override
    public CompletableFuture<CPGroupId> groupId() {
        CpGroupView view = cp.group().view();
        if (view != null) {
            return CompletableFuture.completedFuture(view.groupId());
        }
        // not formed yet (or off): wait for it the way a lock call would, and fail the same way
        return cp.invoker().invoke(new OwnershipQuery("")).thenApply(x -> (CPGroupId) cp.group().view().groupId());
    }

    private CompletableFuture<Long> invoke(CpCommand command) {
        return cp.invoker().invoke(command).thenApply(result -> {
            if (!(result instanceof Long)) {
                throw new CpUnavailableException("unexpected answer to " + command + ": " + result);
            }
            return (Long) result;
        });
    }
}
