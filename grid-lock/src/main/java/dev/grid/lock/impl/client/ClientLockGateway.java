package dev.grid.lock.impl.client;

import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.connection.ClientConnection;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.cp.CPGroupId;
import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.grid.lock.CpUnavailableException;
import dev.grid.lock.impl.proxy.LockGateway;
import dev.grid.lock.impl.proxy.SessionGrant;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client's way to the CP group: one message per call, to the CP leader the last answer named
 * when the client is connected to it (every answer names the leader its member knows), else to any
 * member, which takes the call on to the leader. A call sent to the leader's connection that fails
 * because that connection or member went away is sent again to any member (every call is safe to
 * repeat, see {@link LockMessageType}). Responses are decoded on the thread that receives them
 * (Hazelcast's default async executor would start a thread per callback on a machine of two cores).
 */
public final class ClientLockGateway implements LockGateway {
    private final HazelcastClientInstanceImpl client;
    private volatile UUID leader;

    ClientLockGateway(HazelcastClientInstanceImpl client) {
        this.client = client;
    }

    private <T> CompletableFuture<T> send(LockMessageType type, String name, long sessionId, long threadId, UUID uid,
                                          long timeoutMillis, Function<ClientMessage, T> decoder) {
        Call<T> call = new Call<>(type, name, () -> LockCodecs.encodeRequest(type, name, sessionId, threadId, uid, timeoutMillis),
                decoder);
        UUID target = leader;
        call.send(target == null ? null : client.getConnectionManager().getActiveConnection(target));
        return call.answer;
    }

    /** One call: its request (encoded again if the leader's connection fails under it) and its answer. */
    private final class Call<T> {
        final LockMessageType type;
        final String name;
        final Supplier<ClientMessage> request;
        final Function<ClientMessage, T> decoder;
        final CompletableFuture<T> answer = new CompletableFuture<>();

        Call(LockMessageType type, String name, Supplier<ClientMessage> request, Function<ClientMessage, T> decoder) {
            this.type = type;
            this.name = name;
            this.request = request;
            this.decoder = decoder;
        }

        /** @param connection the leader's connection, or null for any member */
        void send(ClientConnection connection) {
            ClientMessage message = request.get();
            ClientInvocation invocation = connection == null ? new ClientInvocation(client, message, name)
                    : new ClientInvocation(client, message, name, connection);
            invocation.invoke().whenCompleteAsync((response, error) -> {
                if (error != null) {
                    if (connection != null && connectionLost(error)) {
                        forgetLeader(connection);
                        send(null);
                    } else {
                        answer.completeExceptionally(memberException(error));
                    }
                    return;
                }
                try {
                    UUID known = LockCodecs.decodeLeader(type, response);
                    if (known != null) {
                        leader = known;
                    }
                    answer.complete(decoder.apply(response));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }, ConcurrencyUtil.CALLER_RUNS);
        }
    }

    /** @return true if a call bound to one connection failed because that connection or member went away */
    static boolean connectionLost(Throwable error) {
        return error instanceof IOException || error instanceof TargetDisconnectedException
                || error instanceof TargetNotMemberException || error instanceof HazelcastInstanceNotActiveException;
    }

    private void forgetLeader(ClientConnection connection) {
        UUID known = leader;
        if (known != null && known.equals(connection.getRemoteUuid())) {
            leader = null;
        }
    }

    /** @return the CP leader the client sends its calls to, or null (it sends them to any member) */
    public UUID leader() {
        return leader;
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
