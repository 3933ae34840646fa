package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.core.impl.map.operations.ClearOperation;
import dev.grid.core.impl.map.operations.MapOperationFactory;

import java.util.Map;

/** clear(): {@link ClearOperation} on every partition (each backed up); no response value. */
final class ClearMessageTask extends GridMapAllPartitionsMessageTask {

    ClearMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.CLEAR, MapOperationFactory.Kind.CLEAR, message, node, connection);
    }

    @Override
    protected Object reduce(Map<Integer, Object> results) {
        return null;
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeVoidResponse(type());
    }
}
