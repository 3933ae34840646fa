package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.core.impl.map.operations.MapOperationFactory;
import dev.grid.core.impl.map.operations.SizeOperation;

import java.util.Map;

/** size(): the sum of {@link SizeOperation} over every partition. */
final class SizeMessageTask extends GridMapAllPartitionsMessageTask {

    SizeMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.SIZE, MapOperationFactory.Kind.SIZE, message, node, connection);
    }

    @Override
    protected Object reduce(Map<Integer, Object> sizes) {
        long total = 0;
        for (Object size : sizes.values()) {
            total += ((Number) serializationService.toObject(size)).longValue();
        }
        return total;
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeLongResponse(type(), (Long) response);
    }
}
