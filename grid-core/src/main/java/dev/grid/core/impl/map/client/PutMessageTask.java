package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.PutOperation;

/** put(key, value): the previous value's bytes, or null. Runs {@link PutOperation}. */
final class PutMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyValueRequest> {

    PutMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.PUT, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyValueRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyValueRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new PutOperation(parameters.name, parameters.key, parameters.value);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeDataResponse(type(), dataOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key, parameters.value};
    }
}
