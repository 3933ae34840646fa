package dev.grid.lock.impl.proxy;

import com.hazelcast.cp.CPGroupId;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * How a FencedLock proxy reaches the CP group: directly through the member's invoker, or through
 * client messages. Results are the state machine's ({@link dev.grid.lock.impl.statemachine.LockResults}).
 */
public interface LockGateway {

    CompletableFuture<SessionGrant> createSession();

    CompletableFuture<Long> heartbeat(long sessionId);

    CompletableFuture<Long> closeSession(long sessionId);

    /** @param timeoutMillis 0: do not wait; negative: wait without limit */
    CompletableFuture<Long> acquire(String name, long sessionId, long threadId, UUID invocationUid, long timeoutMillis);

    CompletableFuture<Long> release(String name, long sessionId, long threadId, UUID invocationUid);

    CompletableFuture<Long> cancelWait(String name, long sessionId, long threadId, UUID acquireUid);

    CompletableFuture<LockOwnership> ownership(String name);

    CompletableFuture<Long> destroy(String name);

    CompletableFuture<CPGroupId> groupId();
}
