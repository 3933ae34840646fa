package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serialized entries of one partition (keys, and values unless only keys were asked for). */
public final class EntriesResponse implements IdentifiedDataSerializable {
    private List<byte[]> keys;
    private List<byte[]> values;

    public EntriesResponse() {
    }

    /**
     * @param keys   serialized keys
     * @param values serialized values, index for index with the keys; null when only keys were fetched
     */
    public EntriesResponse(List<byte[]> keys, List<byte[]> values) {
        this.keys = keys;
        this.values = values;
    }

    public List<byte[]> keys() {
        return keys;
    }

    /** @return the values, index for index with {@link #keys()}; null when only keys were fetched */
    public List<byte[]> values() {
        return values;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.ENTRIES_RESPONSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writeByteArrays(out, keys);
        out.writeBoolean(values != null);
        if (values != null) {
            writeByteArrays(out, values);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        keys = readByteArrays(in);
        values = in.readBoolean() ? readByteArrays(in) : null;
    }

    static void writeByteArrays(ObjectDataOutput out, List<byte[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (byte[] array : arrays) {
            out.writeByteArray(array);
        }
    }

    static List<byte[]> readByteArrays(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<byte[]> arrays = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            arrays.add(in.readByteArray());
        }
        return arrays;
    }
}
