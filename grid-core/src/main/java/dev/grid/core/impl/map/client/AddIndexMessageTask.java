package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAsyncMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.executionservice.ExecutionService;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.MapQueries;

import java.security.Permission;
import java.util.concurrent.CompletableFuture;

/**
 * addIndex from a client: this member does what the member proxy does (checks the index against the map's
 * declared value class and a sample of the stored values, tells every member, builds it on every
 * partition's owner and backups), on Hazelcast's async executor, since it waits for each step and a client
 * thread must not wait.
 */
final class AddIndexMessageTask extends AbstractAsyncMessageTask<GridMapCodecs.AddIndexRequest, Object> {
    private GridIndexConfig index;

    AddIndexMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected GridMapCodecs.AddIndexRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeAddIndexRequest(message);
    }

    @Override
    protected void beforeProcess() {
        StructureNames.check("GridMap name", parameters.name);
        String encoded = parameters.index == null ? "" : parameters.index;
        int colon = encoded.indexOf(':');
        GridIndexConfig.Type type;
        try {
            type = GridIndexConfig.Type.valueOf(colon < 0 ? "" : encoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GridMap '" + parameters.name + "': an addIndex request names no index type: '"
                    + encoded + "'");
        }
        index = new GridIndexConfig(encoded.substring(colon + 1), type);
    }

    @Override
    protected CompletableFuture<Object> processInternal() {
        GridMapService service = nodeEngine.getService(GridMapService.SERVICE_NAME);
        MapContainer container = service.container(parameters.name);
        return CompletableFuture.supplyAsync(() -> {
            try {
                MapQueries.addIndex(nodeEngine.getOperationService(), serializationService,
                        nodeEngine.getClusterService().getMembers(), container, index);
            } catch (GridConfigException e) {
                // a client rebuilds exceptions through a (String) constructor, which GridConfigException has not
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return null;
        }, nodeEngine.getExecutionService().getExecutor(ExecutionService.ASYNC_EXECUTOR));
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeVoidResponse(GridMapMessageType.ADD_INDEX);
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    /** No permission: Hazelcast consults it only with Enterprise security, which grid does not use. */
    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return parameters.name;
    }

    @Override
    public String getMethodName() {
        return GridMapMessageType.ADD_INDEX.methodName();
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.index};
    }
}
