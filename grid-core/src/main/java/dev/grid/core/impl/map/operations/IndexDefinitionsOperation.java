package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.AllowedDuringPassiveState;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a member the maps' index definitions: sent to every member when an index is added by API, and to
 * a joining member before it joins (so partitions that arrive empty, and stores created later, get the
 * indexes too). A member that did not know an index builds it in the stores it holds, each on its
 * partition thread.
 */
public final class IndexDefinitionsOperation extends Operation implements IdentifiedDataSerializable, AllowedDuringPassiveState {
    private Map<String, List<String>> indexes = new LinkedHashMap<>();

    public IndexDefinitionsOperation() {
    }

    /** @param indexes map name to its index definitions */
    public IndexDefinitionsOperation(Map<String, List<GridIndexConfig>> indexes) {
        indexes.forEach((map, definitions) -> {
            List<String> encoded = new ArrayList<>();
            definitions.forEach(index -> encoded.add(index.encode()));
            this.indexes.put(map, encoded);
        });
    }

    @Override
    public void run() {
        GridMapService service = getService();
        indexes.forEach((map, definitions) -> {
            MapContainer container = service.container(map);
            boolean added = false;
            for (String definition : definitions) {
                added |= container.defineIndex(GridIndexConfig.decode(definition));
            }
            if (added) {
                buildInStores(container);
            }
        });
    }

    private void buildInStores(MapContainer container) {
        for (int p = 0; p < container.partitionCount(); p++) {
            if (container.storeOrNull(p) != null) {
                int partitionId = p;
                getNodeEngine().getOperationService().execute(new PartitionSpecificRunnable() {
                    @Override
                    public int getPartitionId() {
                        return partitionId;
                    }

                    @Override
                    public void run() {
                        container.ensureIndexes(partitionId);
                    }
                });
            }
        }
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.INDEX_DEFINITIONS;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeInt(indexes.size());
        for (Map.Entry<String, List<String>> entry : indexes.entrySet()) {
            out.writeString(entry.getKey());
            out.writeStringArray(entry.getValue().toArray(new String[0]));
        }
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        indexes = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            indexes.put(in.readString(), List.of(in.readStringArray()));
        }
    }
}
