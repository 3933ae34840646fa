package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAsyncMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.core.config.StructureNames;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.LockService;
import dev.grid.lock.impl.proxy.MemberLockGateway;
import dev.grid.lock.impl.proxy.SessionGrant;
import dev.grid.lock.impl.raft.model.GridCpGroupId;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.security.Permission;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Serves a client's FencedLock call on the member the client sent it to: the call takes the
 * member's own way to the CP group's leader ({@link MemberLockGateway}), with the client as the
 * session's owner, and the answer goes back when the CP group gives it (a waiting lock call holds
 * no thread meanwhile), with the leader this member knows, so the client's next call goes straight
 * there. The member's {@code grid.cp.*} settings apply (session TTL, heartbeat
 * interval, reentrancy limit). An exception goes back to the client as an error message carrying
 * its class name and message.
 */
final class LockMessageTask extends AbstractAsyncMessageTask<LockCodecs.LockRequest, Object> {
    private final LockMessageType type;

    LockMessageTask(LockMessageType type, ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
        this.type = type;
    }

    @Override
    protected LockCodecs.LockRequest decodeClientMessage(ClientMessage message) {
        return LockCodecs.decodeRequest(message);
    }

    /** Refuses a bad lock name before anything reaches the CP group. */
    @Override
    protected void beforeProcess() {
        if (type.namesALock()) {
            StructureNames.check(LockService.NAME_KIND, parameters.name);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected CompletableFuture<Object> processInternal() {
        CpService cp = nodeEngine.getService(CpService.SERVICE_NAME);
        MemberLockGateway gateway = MemberLockGateway.forOwner(cp, endpoint.getUuid(),
                "client " + endpoint.getUuid() + " at " + connection.getRemoteAddress());
        LockCodecs.LockRequest p = parameters;
        CompletableFuture<?> answer;
        switch (type) {
            case CREATE_SESSION:
                answer = gateway.createSession();
                break;
            case HEARTBEAT_SESSION:
                answer = gateway.heartbeat(p.sessionId);
                break;
            case CLOSE_SESSION:
                answer = gateway.closeSession(p.sessionId);
                break;
            case ACQUIRE:
                answer = gateway.acquire(p.name, p.sessionId, p.threadId, p.invocationUid, p.timeoutMillis);
                break;
            case RELEASE:
                answer = gateway.release(p.name, p.sessionId, p.threadId, p.invocationUid);
                break;
            case CANCEL_WAIT:
                answer = gateway.cancelWait(p.name, p.sessionId, p.threadId, p.invocationUid);
                break;
            case OWNERSHIP:
                answer = gateway.ownership(p.name);
                break;
            case DESTROY:
                answer = gateway.destroy(p.name);
                break;
            case GROUP_ID:
                answer = gateway.groupId();
                break;
            default:
                throw new IllegalStateException("no task for " + type);
        }
        return (CompletableFuture<Object>) answer;
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        CpService cp = nodeEngine.getService(CpService.SERVICE_NAME);
        UUID leader = cp.invoker().knownLeader();
        switch (type) {
            case CREATE_SESSION:
                return LockCodecs.encodeSessionResponse((SessionGrant) response, leader);
            case OWNERSHIP:
                return LockCodecs.encodeOwnershipResponse((LockOwnership) response, leader);
            case GROUP_ID:
                return LockCodecs.encodeGroupIdResponse((GridCpGroupId) response, leader);
            default:
                return LockCodecs.encodeLongResponse(type, (Long) response, leader);
        }
    }

    @Override
    public String getServiceName() {
        return LockService.SERVICE_NAME;
    }

    /** No permission: Hazelcast consults it only with Enterprise security, which grid does not use. */
    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return parameters.name;
    }

    @Override
    public String getMethodName() {
        return type.methodName();
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.sessionId, parameters.threadId, parameters.invocationUid, parameters.timeoutMillis};
    }
}
