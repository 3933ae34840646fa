package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractPartitionMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.operations.EntriesResponse;

import java.security.Permission;

/**
 * What every GridMap task on one partition shares. Hazelcast runs such a task on the partition's
 * thread and invokes the task's operation there (inline when this member owns the partition), with
 * the response left serialized; an exception the operation throws goes back to the client as an
 * error message carrying its class name and message.
 *
 * @param <P> the decoded request
 */
abstract class GridMapPartitionMessageTask<P extends GridMapCodecs.Request> extends AbstractPartitionMessageTask<P> {
    private final GridMapMessageType type;

    GridMapPartitionMessageTask(GridMapMessageType type, ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
        this.type = type;
    }

    protected final GridMapMessageType type() {
        return type;
    }

    /**
     * The partition whose thread runs this task. Hazelcast picks that thread's operation runner by
     * this id before the task runs, and an id outside the partition table fails there, on the
     * partition thread, without an answer to the client. So a request naming such a partition runs
     * on a generic operation thread instead (-1), where {@link #beforeProcess()} refuses it.
     */
    @Override
    public int getPartitionId() {
        int requested = clientMessage.getPartitionId();
        return requested >= 0 && requested < nodeEngine.getPartitionService().getPartitionCount() ? requested : -1;
    }

    /**
     * Refuses a bad map name, a partition outside the table, and a misrouted key. The client picks
     * the partition from the key, and the operation stores into the partition the message names: a
     * key of another partition would be stored where no read ever looks. A misrouted request is
     * refused before anything runs.
     */
    @Override
    protected void beforeProcess() {
        StructureNames.check("GridMap name", parameters.name);
        int partitionId = clientMessage.getPartitionId();
        IPartitionService partitions = nodeEngine.getPartitionService();
        if (partitionId < 0 || partitionId >= partitions.getPartitionCount()) {
            throw new IllegalArgumentException("GridMap '" + parameters.name + "': a " + type.methodName()
                    + " request names partition " + partitionId + ", not one of 0.." + (partitions.getPartitionCount() - 1)
                    + "; nothing was read or stored");
        }
        if (parameters instanceof GridMapCodecs.KeyRequest) {
            // the commonest case, checked on the decoded key itself: no copy, no list
            checkKeyPartition(partitionId, partitions.getPartitionId(((GridMapCodecs.KeyRequest) parameters).key));
            return;
        }
        for (byte[] key : parameters.namedKeys()) {
            checkKeyPartition(partitionId, partitions.getPartitionId(new HeapData(key)));
        }
    }

    private void checkKeyPartition(int partitionId, int keyPartition) {
        if (keyPartition != partitionId) {
            throw new IllegalArgumentException("GridMap '" + parameters.name + "': a " + type.methodName()
                    + " request for partition " + partitionId + " names a key of partition " + keyPartition
                    + "; nothing was read or stored");
        }
    }

    /** @return the response as serialized bytes (operations answer with Data or null already) */
    protected final Data dataOf(Object response) {
        return serializationService.toData(response);
    }

    protected final boolean booleanOf(Object response) {
        return Boolean.TRUE.equals(serializationService.toObject(response));
    }

    protected final EntriesResponse entriesOf(Object response) {
        return serializationService.toObject(response);
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
}
