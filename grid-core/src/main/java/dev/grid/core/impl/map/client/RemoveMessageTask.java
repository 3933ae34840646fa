package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.RemoveOperation;

/** remove(key): the removed value's bytes, or null. Runs {@link RemoveOperation}. */
final class RemoveMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyRequest> {

    RemoveMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.REMOVE, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new RemoveOperation(parameters.name, parameters.key);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeDataResponse(type(), dataOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key};
    }
}
