package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;

/** Every entry (or every key) of one partition, for iteration partition by partition. Runs {@link FetchEntriesOperation}. */
final class FetchEntriesMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.FetchRequest> {

    FetchEntriesMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.FETCH_ENTRIES, message, node, connection);
    }

    @Override
    protected GridMapCodecs.FetchRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeFetchRequest(message);
    }

    @Override
    protected Operation prepareOperation() {
        return new FetchEntriesOperation(parameters.name, parameters.keysOnly, parameters.limit);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeEntriesResponse(type(), entriesOf(response));
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.keysOnly};
    }
}
