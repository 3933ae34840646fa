package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.ExecuteOnKeyOperation;

/** executeOnKey(key, processor): the processor's result, serialized (the request's value is the serialized processor). Runs {@link ExecuteOnKeyOperation}. */
final class ExecuteOnKeyMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyValueRequest> {

    ExecuteOnKeyMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.EXECUTE_ON_KEY, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyValueRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyValueRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new ExecuteOnKeyOperation(parameters.name, parameters.key, parameters.value);
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
