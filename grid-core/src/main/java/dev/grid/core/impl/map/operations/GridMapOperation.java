package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.services.ServiceNamespace;
import com.hazelcast.internal.services.ServiceNamespaceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.NamedOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.PartitionAwareOperation;
import com.hazelcast.transaction.TransactionException;
import dev.grid.core.GridException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.KeyDescriptions;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.PartitionStore;

import java.io.IOException;

/** What every GridMap operation has: the map's name, the service, the factory id, the store. */
public abstract class GridMapOperation extends Operation
        implements PartitionAwareOperation, NamedOperation, ServiceNamespaceAware, IdentifiedDataSerializable {
    protected String name;

    protected GridMapOperation() {
    }

    protected GridMapOperation(String name) {
        this.name = name;
    }

    @Override
    public final String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final ServiceNamespace getServiceNamespace() {
        return GridMapService.namespace(name);
    }

    @Override
    public final int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    protected final MapContainer container() {
        GridMapService service = getService();
        return service.container(name);
    }

    /** @return the partition's store, created if needed */
    protected final PartitionStore store() {
        return container().store(getPartitionId());
    }

    /** @return the partition's store, or null if it holds nothing yet */
    protected final PartitionStore storeOrNull() {
        return container().storeOrNull(getPartitionId());
    }

    /** @return the key, deserialized, for error messages (at most 100 characters, quoted) */
    public final String describeKey(byte[] keyBytes) {
        Object key;
        try {
            key = getNodeEngine().toObject(new HeapData(keyBytes));
        } catch (RuntimeException e) {
            return "(" + keyBytes.length + " serialized bytes)";
        }
        return KeyDescriptions.describe(key);
    }

    /**
     * Refusals of bad requests (too large a value, a full store, a stale fence, a bad argument) go back
     * to the caller, who sees them; the member logs them only at fine level, not as errors.
     */
    @Override
    public void logError(Throwable e) {
        if (e instanceof GridException || e instanceof IllegalArgumentException
                || e instanceof TransactionException) {
            getLogger().fine("GridMap '" + name + "' refused an operation: " + e.getMessage());
        } else {
            super.logError(e);
        }
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeString(name);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        name = in.readString();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", map=").append(name);
    }
}
