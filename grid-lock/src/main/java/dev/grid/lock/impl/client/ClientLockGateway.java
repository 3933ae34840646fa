package dev.grid.lock.impl.client;

import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.cp.CPGroupId;
import com.hazelcast.internal.util.ConcurrencyUtil;
import dev.grid.lock.CpUnavailableException;
import dev.grid.lock.impl.proxy.LockGateway;
import dev.grid.lock.impl.proxy.SessionGrant;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A client's way to the CP group: one message per call to any member, which takes it on to the
 * leader. Responses are decoded on the thread that receives them (Hazelcast's default async
 * executor would start a thread per callback on a machine of two cores).
 */
final class ClientLockGateway implements LockGateway {
    private final HazelcastClientInstanceImpl client;

    ClientLockGateway(HazelcastClientInstanceImpl client) {
        this.client = client;
    }

    private <T> CompletableFuture<T> send(LockMessageType type, String name, long sessionId, long threadId, UUID uid,
                                          long timeoutMillis, Function<ClientMessage, T> decoder) {
        ClientMessage request = LockCodecs.encodeRequest(type, name, sessionId, threadId, uid, timeoutMillis);
        CompletableFuture<T> answer = new CompletableFuture<>();
        new ClientInvocation(client, request, name).invoke().whenCompleteAsync((response, error) -> {
            if (error != null) {
                answer.completeExceptionally(memberException(error));
            } else {
                try {
                    answer.complete(decoder.apply(response));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        }, ConcurrencyUtil.CALLER_RUNS);
        return answer;
    }

    private CompletableFuture<Long> sendForLong(LockMessageType type, String name, long sessionId, long threadId, UUID uid,
                                                long timeoutMillis) {
        return send(type, name, sessionId, threadId, uid, timeoutMillis, LockCodecs::decodeLongResponse);
    }

    /** grid's own exception back if the client could not load its class (Hazelcast then hands over the class name). */
    static Throwable memberException(Throwable error) {
        if (error instanceof UndefinedErrorCodeException
                && CpUnavailableException.class.getName().equals(((UndefinedErrorCodeException) error).getOriginClassName())) {
            String prefix = "Class name: " + CpUnavailableException.class.getName() + ", Message: ";
            String message = error.getMessage();
            CpUnavailableException unavailable = new CpUnavailableException(
                    message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            unavailable.initCause(error);
            return unavailable;
        }
        return error;
    }

    @Override
    public CompletableFuture<SessionGrant> createSession() {
        return send(LockMessageType.CREATE_SESSION, "", 0, 0, null, 0, LockCodecs::decodeSessionResponse);
    }

    @Override
    public CompletableFuture<Long> heartbeat(long sessionId) {
        return sendForLong(LockMessageType.HEARTBEAT_SESSION, "", sessionId, 0, null, 0);
    }

    @Override
    public CompletableFuture<Long> closeSession(long sessionId) {
        return sendForLong(LockMessageType.CLOSE_SESSION, "", sessionId, 0, null, 0);
    }

    @Override
    public CompletableFuture<Long> acquire(String name, long sessionId, long threadId, UUID invocationUid, long timeoutMillis) {
        return sendForLong(LockMessageType.ACQUIRE, name, sessionId, threadId, invocationUid, timeoutMillis);
    }

    @Override
    public CompletableFuture<Long> release(String name, long sessionId, long threadId, UUID invocationUid) {
        return sendForLong(LockMessageType.RELEASE, name, sessionId, threadId, invocationUid, 0);
    }

    @Override
    public CompletableFuture<Long> cancelWait(String name, long sessionId, long threadId, UUID acquireUid) {
        return sendForLong(LockMessageType.CANCEL_WAIT, name, sessionId, threadId, acquireUid, 0);
    }

    @Override
    public CompletableFuture<LockOwnership> ownership(String name) {
        return send(LockMessageType.OWNERSHIP, name, 0, 0, null, 0, LockCodecs::decodeOwnershipResponse);
    }

    @Override
    public CompletableFuture<Long> destroy(String name) {
        return sendForLong(LockMessageType.DESTROY, name, 0, 0, null, 0);
    }

    @Override
    public CompletableFuture<CPGroupId> groupId() {
        return send(LockMessageType.GROUP_ID, "", 0, 0, null, 0, LockCodecs::decodeGroupIdResponse);
    }
}
