package dev.grid.core.impl.map.query;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.impl.GridCoreDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's answer to a query: matching keys (and values), or a partial aggregate; and whether the
 * partition answered from its indexes.
 */
public final class QueryResult implements IdentifiedDataSerializable {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values;
    /** entries counted (COUNT, AVG's count, SUM's count; ATTRIBUTE_CHECK: sampled values having the attribute) */
    long count;
    /** the integer part of SUM/AVG (ATTRIBUTE_CHECK: sampled values lacking the attribute) */
    long longSum;
    double doubleSum;
    /** whether a non-integer number was summed */
    boolean fractional;
    /** MIN/MAX so far (canonical), or null */
    Object extreme;
    boolean indexed;

    public QueryResult() {
    }

    public List<byte[]> keys() {
        return keys;
    }

    /** @return the values, index for index with the keys, or null if only keys were asked for */
    public List<byte[]> values() {
        return values;
    }

    public long count() {
        return count;
    }

    public long longSum() {
        return longSum;
    }

    public double doubleSum() {
        return doubleSum;
    }

    public boolean fractional() {
        return fractional;
    }

    public Object extreme() {
        return extreme;
    }

    /** @return whether the partition answered from its indexes (else it scanned its entries) */
    public boolean indexed() {
        return indexed;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.QUERY_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        writeArrays(out, keys);
        out.writeBoolean(values != null);
        if (values != null) {
            writeArrays(out, values);
        }
        out.writeLong(count);
        out.writeLong(longSum);
        out.writeDouble(doubleSum);
        out.writeBoolean(fractional);
        out.writeObject(extreme);
        out.writeBoolean(indexed);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        keys = readArrays(in);
        values = in.readBoolean() ? readArrays(in) : null;
        count = in.readLong();
        longSum = in.readLong();
        doubleSum = in.readDouble();
        fractional = in.readBoolean();
        extreme = in.readObject();
        indexed = in.readBoolean();
    }

    private static void writeArrays(ObjectDataOutput out, List<byte[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (byte[] array : arrays) {
            out.writeByteArray(array);
        }
    }

    private static List<byte[]> readArrays(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<byte[]> arrays = new ArrayList<>(Math.min(size, 1 << 16));
        for (int i = 0; i < size; i++) {
            arrays.add(in.readByteArray());
        }
        return arrays;
    }
}
