package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.ContainsKeyOperation;

/** containsKey(key): whether the key is present. Runs {@link ContainsKeyOperation}. */
final class ContainsKeyMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyRequest> {

    ContainsKeyMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.CONTAINS_KEY, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new ContainsKeyOperation(parameters.name, parameters.key);
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
