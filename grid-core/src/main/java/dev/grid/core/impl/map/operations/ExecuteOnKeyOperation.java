package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.nio.IOUtil;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.GridEntryProcessor;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.PartitionStore;
import dev.grid.core.impl.security.DeserializationAllowlist;

import java.io.IOException;

/**
 * Runs an entry processor on the key's partition thread and applies its change; responds with the
 * processor's result, serialized.
 */
public final class ExecuteOnKeyOperation extends MutatingKeyOperation {
    private Data processor;
    private transient Data result;
    private transient Operation backup;

    public ExecuteOnKeyOperation() {
    }

    public ExecuteOnKeyOperation(String name, Data key, Data processor) {
        super(name, key);
        this.processor = processor;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        SerializationService serialization = getNodeEngine().getSerializationService();
        byte[] keyBytes = keyBytes();
        PartitionStore existing = storeOrNull();
        ProcessorEntry entry;
        Object outcome;
        try {
            GridEntryProcessor<Object, Object, Object> task = serialization.toObject(processor);
            entry = new ProcessorEntry(serialization, serialization.toObject(key), existing == null ? null : existing.get(keyBytes));
            outcome = task.process(entry);
        } catch (HazelcastSerializationException e) {
            // the processor, the key or the value is of a class the members may not deserialize
            throw DeserializationAllowlist.refusedClass(e)
                    .<RuntimeException>map(refused -> new IllegalArgumentException("GridMap '" + name + "': executeOnKey refused: "
                            + DeserializationAllowlist.explain(refused) + "; nothing was changed", e))
                    .orElse(e);
        }
        long start = System.nanoTime();
        if (entry.removed()) {
            existing.remove(keyBytes);
            changed = true;
            backup = new RemoveBackupOperation(name, key);
            container().recordRemove(System.nanoTime() - start);
            captureChange("executeOnKey", keyBytes, null);
        } else if (entry.updated()) {
            Data value = serialization.toData(entry.getValue());
            checkValueSize(value);
            store().set(keyBytes, value.toByteArray());
            changed = true;
            backup = new PutBackupOperation(name, key, value);
            container().recordPut(System.nanoTime() - start);
            captureChange("executeOnKey", keyBytes, value.toByteArray());
        } else {
            container().recordOther();
        }
        result = serialization.toData(outcome);
    }

    @Override
    public Object getResponse() {
        return result;
    }

    @Override
    public Operation getBackupOperation() {
        return backup;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.EXECUTE_ON_KEY;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        IOUtil.writeData(out, processor);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        processor = IOUtil.readData(in);
    }
}
