package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.operationservice.BackupAwareOperation;
import com.hazelcast.spi.impl.operationservice.MutatingOperation;
import dev.grid.core.impl.map.MapContainer;

/**
 * A write to one key, backed up to the map's backup replicas when it changed something.
 */
public abstract class MutatingKeyOperation extends KeyOperation implements BackupAwareOperation, MutatingOperation {
    /** Set by {@code run()}: whether the store changed, and so whether backups must hear of it. */
    protected transient boolean changed;

    protected MutatingKeyOperation() {
    }

    protected MutatingKeyOperation(String name, Data key) {
        super(name, key);
    }

    @Override
    public boolean shouldBackup() {
        return changed;
    }

    @Override
    public int getSyncBackupCount() {
        return container().syncBackups();
    }

    @Override
    public int getAsyncBackupCount() {
        return container().asyncBackups();
    }

    /**
     * @throws IllegalArgumentException naming the key's map, the size and the limit when the value
     *                                  is larger than the map's maxValueSize
     */
    protected final void checkValueSize(Data value) {
        MapContainer container = container();
        int size = value.totalSize();
        int max = container.config().getMaxValueSize();
        if (size > max) {
            throw new IllegalArgumentException("GridMap '" + name + "': a value of " + size
                    + " bytes (serialized) is larger than grid.maps." + name + ".maxValueSize = " + max + " bytes; nothing was stored");
        }
    }
}
