package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.DeleteOperation;

/** delete(key): whether the key was present. Runs {@link DeleteOperation}. */
final class DeleteMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyRequest> {

    DeleteMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.DELETE, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new DeleteOperation(parameters.name, parameters.key);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeBooleanResponse(type(), booleanOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key};
    }
}
