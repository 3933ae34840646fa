package dev.grid.core.impl.map.operations;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import dev.grid.core.GridEntry;

import java.util.Objects;

/** The entry an entry processor sees: deserialized lazily, changes recorded for the operation to apply. */
final class ProcessorEntry implements GridEntry<Object, Object> {
    private final SerializationService serialization;
    private final Object key;
    private final byte[] storedValue;
    private Object value;
    private boolean valueRead;
    private boolean updated;
    private boolean removed;

    ProcessorEntry(SerializationService serialization, Object key, byte[] storedValue) {
        this.serialization = serialization;
        this.key = key;
        this.storedValue = storedValue;
    }

    @Override
    public Object getKey() {
        return key;
    }

    @Override
    public Object getValue() {
        if (!valueRead) {
            value = storedValue == null ? null : serialization.toObject(new HeapData(storedValue));
            valueRead = true;
        }
        return value;
    }

    @Override
    public void setValue(Object value) {
        this.value = Objects.requireNonNull(value, "value (use remove() to remove the entry)");
        this.valueRead = true;
        this.updated = true;
        this.removed = false;
    }

    @Override
    public void remove() {
        this.value = null;
        this.valueRead = true;
        this.removed = true;
        this.updated = false;
    }

    boolean updated() {
        return updated;
    }

    boolean removed() {
        return removed && storedValue != null;
    }
}
