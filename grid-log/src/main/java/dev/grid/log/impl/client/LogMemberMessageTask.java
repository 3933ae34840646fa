package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAsyncMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.invoke.MemberCall;

import java.security.Permission;
import java.util.concurrent.CompletableFuture;

/** Serves a client's member call (topics, groups' lag) on this member. */
final class LogMemberMessageTask extends AbstractAsyncMessageTask<Object, Object> {

    LogMemberMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected Object decodeClientMessage(ClientMessage message) {
        return serializationService.toObject(LogCodec.decodeRequest(message));
    }

    @Override
    protected void beforeProcess() {
        if (!(parameters instanceof MemberCall)) {
            throw new IllegalArgumentException("a grid-log member request carries " + (parameters == null ? "nothing"
                    : parameters.getClass().getName()) + ", not a member call; nothing was run");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected CompletableFuture<Object> processInternal() {
        return ((MemberCall<Object>) parameters).run(nodeEngine);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return LogCodec.encodeResponse(LogMessageType.MEMBER, serializationService.toData(response));
    }

    @Override
    public String getServiceName() {
        return GridLogService.SERVICE_NAME;
    }

    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return null;
    }

    @Override
    public String getMethodName() {
        return parameters == null ? "member" : parameters.getClass().getSimpleName();
    }

    @Override
    public Object[] getParameters() {
        return new Object[0];
    }
}
