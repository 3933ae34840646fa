package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.FencedWriteOperation;

/** setFenced/putFenced/removeFenced: the previous value's bytes, or null. Runs {@link FencedWriteOperation}. */
final class FencedWriteMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.FencedWriteRequest> {

    FencedWriteMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.FENCED_WRITE, message, node, connection);
    }

    @Override
    protected GridMapCodecs.FencedWriteRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeFencedWriteRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new FencedWriteOperation(parameters.name, parameters.key, parameters.value, parameters.fence);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeDataResponse(type(), dataOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key, parameters.value, parameters.fence};
    }
}
