package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAllPartitionsMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.OperationFactory;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.MapQueries;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.impl.map.operations.QueryOperationFactory;

import java.security.Permission;
import java.util.Map;

/**
 * addIndex from a client: this member checks the index against the map's declared value class and a
 * sample of the stored values, then builds it on every partition (owners and backups), as the member proxy
 * does.
 */
final class AddIndexMessageTask extends AbstractAllPartitionsMessageTask<GridMapCodecs.AddIndexRequest> {
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
        GridMapService service = nodeEngine.getService(GridMapService.SERVICE_NAME);
        MapContainer container = service.container(parameters.name);
        try {
            container.config().checkIndexAttribute(index);
        } catch (GridConfigException e) {
            // a client rebuilds exceptions through a (String) constructor, which GridConfigException has not
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // the same sample check the member proxy makes (a short query over every partition, waited for here)
        MapQueries.refuseIfMissing(parameters.name, index, MapQueries.run(nodeEngine.getOperationService(), serializationService,
                parameters.name, QuerySpec.attributeCheck(index.getAttribute())));
        container.defineIndex(index);
    }

    @Override
    protected OperationFactory createOperationFactory() {
        return QueryOperationFactory.addIndex(parameters.name, index);
    }

    @Override
    protected Object reduce(Map<Integer, Object> results) {
        return null;
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

    /** User code namespaces are an Enterprise feature; the community edition ignores them. */
    @Override
    protected String getUserCodeNamespace() {
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
