package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.PutAllOperation;

/** putAll of the entries of one partition: no response value. Runs {@link PutAllOperation}. */
final class PutAllMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.PutAllRequest> {

    PutAllMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.PUT_ALL, message, node, connection);
    }

    @Override
    protected GridMapCodecs.PutAllRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodePutAllRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new PutAllOperation(parameters.name, parameters.keys, parameters.values);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeVoidResponse(type());
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.keys.size()};
    }
}
