package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAsyncMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapQueries;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResultBytes;
import dev.grid.core.impl.map.query.QuerySpec;

import java.security.Permission;
import java.util.concurrent.CompletableFuture;

/**
 * A query from a client over some partitions, those the client's partition table says the receiving member owns (the
 * client sends one to each member): the member answers them all, the ones it owns from its own indexes or partition
 * threads on this thread with no operation, any others through their owners ({@link MapQueries#runAsync}: partitions
 * that moved are retried on their new owners), so the answer is complete whatever the client's table said. The answer
 * is the partitions' results combined, as one frame of {@link QueryResultBytes}.
 */
final class QueryPartitionsMessageTask extends AbstractAsyncMessageTask<GridMapCodecs.QueryPartitionsRequest, QueryResult> {
    private QuerySpec spec;

    QueryPartitionsMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected GridMapCodecs.QueryPartitionsRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeQueryPartitionsRequest(message);
    }

    /** Refuses a bad map name, a request that is not a query and a partition that does not exist before any is asked. */
    @Override
    protected void beforeProcess() {
        StructureNames.check("GridMap name", parameters.name);
        Object decoded = serializationService.toObject(parameters.spec);
        if (!(decoded instanceof QuerySpec)) {
            throw new IllegalArgumentException("GridMap '" + parameters.name + "': a query request carries a "
                    + (decoded == null ? "null" : decoded.getClass().getName()) + ", not a query");
        }
        int count = nodeEngine.getPartitionService().getPartitionCount();
        boolean[] named = new boolean[count];
        for (int p : parameters.partitions) {
            boolean outside = p < 0 || p >= count;
            if (outside || named[p]) {
                throw new IllegalArgumentException("GridMap '" + parameters.name + "': a query names partition " + p
                        + (outside ? ", the cluster has partitions 0 to " + (count - 1) : " twice"));
            }
            named[p] = true;
        }
        spec = (QuerySpec) decoded;
    }

    @Override
    protected CompletableFuture<QueryResult> processInternal() {
        return MapQueries.runAsync(nodeEngine, parameters.name, spec, parameters.partitions);
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        byte[] bytes = QueryResultBytes.encode((QueryResult) response, extreme -> serializationService.toData(extreme).toByteArray());
        return GridMapCodecs.encodeBytesResponse(GridMapMessageType.QUERY_PARTITIONS, bytes);
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
        return GridMapMessageType.QUERY_PARTITIONS.methodName();
    }

    @Override
    public Object[] getParameters() {
        return null;
    }
}
