package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.operations.GetOperation;

import java.util.concurrent.CompletableFuture;

/**
 * get(key): the value's bytes, or null. Hazelcast runs this task on the key's partition thread; when
 * this member owns the partition and it is not migrating, the task reads the store right there, as
 * {@link GetOperation} would, without an invocation (registration, future, completion callbacks: a
 * fifth of a member's CPU per get). Otherwise it runs {@link GetOperation}, whose invocation
 * answers with Hazelcast's usual retry (wrong target, migrating partition, member not running).
 */
final class GetMessageTask extends GridMapPartitionMessageTask<GridMapCodecs.KeyRequest> {

    GetMessageTask(ClientMessage message, Node node, Connection connection) {
        super(GridMapMessageType.GET, message, node, connection);
    }

    @Override
    protected GridMapCodecs.KeyRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeKeyRequest(message);
    }

    @Override
    protected CompletableFuture<Object> processInternal() {
        int partitionId = getPartitionId();
        IPartition partition = nodeEngine.getPartitionService().getPartition(partitionId);
        if (!partition.isLocal() || partition.isMigrating() || !nodeEngine.isRunning()) {
            return super.processInternal();
        }
        GridMapService service = nodeEngine.getService(GridMapService.SERVICE_NAME);
        return CompletableFuture.completedFuture(
                GetOperation.read(service.container(parameters.name), partitionId, parameters.key.toByteArray()));
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
