package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.SetOperation;

/** set(key, value): no response value. Runs {@link SetOperation}. */
final class SetMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyValueRequest> {

    SetMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.SET, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyValueRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyValueRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new SetOperation(parameters.name, parameters.key, parameters.value);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeVoidResponse(type());
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key, parameters.value};
    }
}
