package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.ReplaceOperation;

/** replace(key, value): the previous value's bytes, or null (key absent, nothing stored). Runs {@link ReplaceOperation}. */
final class ReplaceMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyValueRequest> {

    ReplaceMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.REPLACE, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyValueRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyValueRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new ReplaceOperation(parameters.name, parameters.key, parameters.value);
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
