package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractPartitionMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.security.Permission;

/**
 * Serves a client's operation on one log partition: decodes the operation the client serialized, refuses any that a
 * client may not send, and invokes it on the partition's owner (inline when that is this member).
 */
final class LogPartitionMessageTask extends AbstractPartitionMessageTask<Object> {

    LogPartitionMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected Object decodeClientMessage(ClientMessage message) {
        return serializationService.toObject(LogCodec.decodeRequest(message));
    }

    @Override
    public int getPartitionId() {
        int requested = clientMessage.getPartitionId();
        return requested >= 0 && requested < nodeEngine.getPartitionService().getPartitionCount() ? requested : -1;
    }

    @Override
    protected void beforeProcess() {
        if (!(parameters instanceof Operation) || !(parameters instanceof ClientRoutable)) {
            throw new IllegalArgumentException("a grid-log partition request carries " + (parameters == null ? "nothing"
                    : parameters.getClass().getName()) + ", not an operation a client may send; nothing was run");
        }
        int partitionId = clientMessage.getPartitionId();
        if (partitionId < 0 || partitionId >= nodeEngine.getPartitionService().getPartitionCount()) {
            throw new IllegalArgumentException("a grid-log request names partition " + partitionId + ", not one of 0.."
                    + (nodeEngine.getPartitionService().getPartitionCount() - 1) + "; nothing was run");
        }
    }

    @Override
    protected Operation prepareOperation() {
        return (Operation) parameters;
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        Data data = serializationService.toData(response);
        return LogCodec.encodeResponse(LogMessageType.PARTITION, data);
    }

    @Override
    public String getServiceName() {
        // the operation's own service (the log's partitions or the consumer groups'): Hazelcast's backups and
        // migration checks look the operation's service up by this name
        return parameters instanceof Operation operation ? operation.getServiceName() : GridLogService.SERVICE_NAME;
    }

    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    protected String getUserCodeNamespace() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return null;
    }

    @Override
    public String getMethodName() {
        return parameters == null ? "partition" : parameters.getClass().getSimpleName();
    }

    @Override
    public Object[] getParameters() {
        return new Object[0];
    }
}
