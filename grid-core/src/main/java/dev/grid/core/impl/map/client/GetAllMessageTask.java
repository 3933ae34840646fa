package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.GetAllOperation;

/** getAll of the keys of one partition: the entries found. Runs {@link GetAllOperation}. */
final class GetAllMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeysRequest> {

    GetAllMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.GET_ALL, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeysRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeGetAllRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new GetAllOperation(parameters.name, parameters.keys);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeEntriesResponse(type(), entriesOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.keys.size()};
    }
}
