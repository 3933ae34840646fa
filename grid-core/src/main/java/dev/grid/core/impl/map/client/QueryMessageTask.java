package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAsyncMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapQueries;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;

import java.security.Permission;
import java.util.concurrent.CompletableFuture;

/**
 * A query from a client: the member that receives it runs it on every partition, as the member proxy does
 * ({@link MapQueries#runAsync}: one operation per member, partitions that moved retried on their new owners), and
 * answers with the partitions' results combined (entries, keys or an aggregate's parts) as one serialized
 * {@link QueryResult}.
 */
final class QueryMessageTask extends AbstractAsyncMessageTask<GridMapCodecs.QueryRequest, QueryResult> {
    private QuerySpec spec;

    QueryMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected GridMapCodecs.QueryRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeQueryRequest(message);
    }

    /** Refuses a bad map name or a request that is not a query before any partition is asked. */
    @Override
    protected void beforeProcess() {
        StructureNames.check("GridMap name", parameters.name);
        Object decoded = serializationService.toObject(parameters.spec);
        if (!(decoded instanceof QuerySpec)) {
            throw new IllegalArgumentException("GridMap '" + parameters.name + "': a query request carries a "
                    + (decoded == null ? "null" : decoded.getClass().getName()) + ", not a query");
        }
        spec = (QuerySpec) decoded;
    }

    @Override
    protected CompletableFuture<QueryResult> processInternal() {
        return MapQueries.runAsync(nodeEngine, parameters.name, spec);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return GridMapCodecs.encodeDataResponse(GridMapMessageType.QUERY, serializationService.toData(response));
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
        return GridMapMessageType.QUERY.methodName();
    }

    @Override
    public Object[] getParameters() {
        return null;
    }
}
