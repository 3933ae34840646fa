package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.ReplaceIfSameOperation;

/** replace(key, expected, value): whether the value was replaced. Runs {@link ReplaceIfSameOperation}. */
final class ReplaceIfSameMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.ReplaceIfSameRequest> {

    ReplaceIfSameMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.REPLACE_IF_SAME, message, node, connection);
    }

    @Override
    protected GridMapCodecs.ReplaceIfSameRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeReplaceIfSameRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new ReplaceIfSameOperation(parameters.name, parameters.key, parameters.expected, parameters.value);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeBooleanResponse(type(), booleanOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.key, parameters.expected, parameters.value};
    }
}
