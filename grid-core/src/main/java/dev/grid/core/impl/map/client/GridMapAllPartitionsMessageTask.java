package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractAllPartitionsMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.spi.impl.operationservice.OperationFactory;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.operations.MapOperationFactory;

import java.security.Permission;

/**
 * What the map-wide GridMap tasks share: the member that receives the request runs the call's
 * operation on every partition (through {@link MapOperationFactory}, as the member proxy does) and
 * reduces the per-partition results into one response.
 */
abstract class GridMapAllPartitionsMessageTask extends AbstractAllPartitionsMessageTask<GridMapCodecs.Request> {
    private final GridMapMessageType type;
    private final MapOperationFactory.Kind kind;

    GridMapAllPartitionsMessageTask(GridMapMessageType type, MapOperationFactory.Kind kind, ClientMessage message,
                                    Node node, Connection connection) {
        super(message, node, connection);
        this.type = type;
        this.kind = kind;
    }

    protected final GridMapMessageType type() {
        return type;
    }

    /** Refuses a bad map name before any partition is asked. */
    @Override
    protected final void beforeProcess() {
        StructureNames.check("GridMap name", parameters.name);
    }

    @Override
    protected final GridMapCodecs.Request decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeRequest(message);
    }

    @Override
    protected final OperationFactory createOperationFactory() {
        return new MapOperationFactory(parameters.name, kind);
    }

    @Override
    public final String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    /** No permission: Hazelcast consults it only with Enterprise security, which grid does not use. */
    @Override
    public final Permission getRequiredPermission() {
        return null;
    }

    /** User code namespaces are an Enterprise feature; the community edition ignores them. */
    @Override
    protected final String getUserCodeNamespace() {
        return null;
    }

    @Override
    public final String getDistributedObjectName() {
        return parameters.name;
    }

    @Override
    public final String getMethodName() {
        return type.methodName();
    }

    @Override
    public final Object[] getParameters() {
        return null;
    }
}
