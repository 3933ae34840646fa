package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.RemoveIfSameOperation;

/** remove(key, expected): whether the key was removed (the request's value is the expected value). Runs {@link RemoveIfSameOperation}. */
final class RemoveIfSameMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyValueRequest> {

    RemoveIfSameMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.REMOVE_IF_SAME, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyValueRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyValueRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new RemoveIfSameOperation(parameters.name, parameters.key, parameters.value);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeBooleanResponse(type(), booleanOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key, parameters.value};
    }
}
