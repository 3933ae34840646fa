package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.GetOperation;

/** get(key): the value's bytes, or null. Runs {@link GetOperation}. */
final class GetMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyRequest> {

    GetMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.GET, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new GetOperation(parameters.name, parameters.key);
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
