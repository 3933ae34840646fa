package dev.grid.core.impl.map.query;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A combined {@link QueryResult} as one byte array of exactly its size, for a client message frame: the stored key and
 * value bytes are copied once, straight from the answer into the array (Hazelcast's serialization of the same answer
 * grows a buffer by doubling and copies it out again). Layout: flags, count, integer and floating sums, the extreme
 * (serialized, or length -1), then the keys and the values, each as a length and its bytes.
 */
public final class QueryResultBytes {
    private static final int HAS_VALUES = 1;
    private static final int FRACTIONAL = 2;
    private static final int INDEXED = 4;
    private static final int NONE = -1;

    private QueryResultBytes() {
    }

    /**
     * @param extreme serializes the result's MIN/MAX value (only called when there is one)
     * @return the result's bytes
     */
    public static byte[] encode(QueryResult result, Function<Object, byte[]> extreme) {
        byte[] extremeBytes = result.extreme == null ? null : extreme.apply(result.extreme);
        int size = 1 + 3 * Long.BYTES + Integer.BYTES + (extremeBytes == null ? 0 : extremeBytes.length) + Integer.BYTES
                + arraysSize(result.keys) + (result.values == null ? 0 : arraysSize(result.values));
        ByteBuffer out = ByteBuffer.wrap(new byte[size]);
        out.put((byte) ((result.values != null ? HAS_VALUES : 0) | (result.fractional ? FRACTIONAL : 0)
                | (result.indexed ? INDEXED : 0)));
        out.putLong(result.count).putLong(result.longSum).putDouble(result.doubleSum);
        putArray(out, extremeBytes);
        out.putInt(result.keys.size());
        putArrays(out, result.keys);
        if (result.values != null) {
            putArrays(out, result.values);
        }
        return out.array();
    }

    /**
     * @param extreme reads back what {@link #encode}'s serializer wrote
     * @return the result the bytes hold
     * @throws IllegalArgumentException if the bytes end early or run over (not an encoded result)
     */
    public static QueryResult decode(byte[] bytes, Function<byte[], Object> extreme) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            QueryResult result = new QueryResult();
            int flags = in.get();
            result.fractional = (flags & FRACTIONAL) != 0;
            result.indexed = (flags & INDEXED) != 0;
            result.count = in.getLong();
            result.longSum = in.getLong();
            result.doubleSum = in.getDouble();
            byte[] extremeBytes = getArray(in);
            result.extreme = extremeBytes == null ? null : extreme.apply(extremeBytes);
            int size = in.getInt();
            result.keys = getArrays(in, size);
            result.values = (flags & HAS_VALUES) != 0 ? getArrays(in, size) : null;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("a query result of " + bytes.length + " bytes has " + in.remaining()
                        + " bytes after its " + size + " entries");
            }
            return result;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("not a query result: " + bytes.length + " bytes (" + e + ")", e);
        }
    }

    private static int arraysSize(List<byte[]> arrays) {
        int size = 0;
        for (byte[] array : arrays) {
            size += Integer.BYTES + (array == null ? 0 : array.length);
        }
        return size;
    }

    private static void putArrays(ByteBuffer out, List<byte[]> arrays) {
        for (byte[] array : arrays) {
            putArray(out, array);
        }
    }

    private static void putArray(ByteBuffer out, byte[] array) {
        if (array == null) {
            out.putInt(NONE);
        } else {
            out.putInt(array.length).put(array);
        }
    }

    private static List<byte[]> getArrays(ByteBuffer in, int size) {
        if (size < 0 || size > in.remaining() / Integer.BYTES) {
            throw new IllegalArgumentException("a query result claims " + size + " entries in " + in.remaining() + " bytes");
        }
        List<byte[]> arrays = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            arrays.add(getArray(in));
        }
        return arrays;
    }

    private static byte[] getArray(ByteBuffer in) {
        int length = in.getInt();
        if (length == NONE) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("not a query result: an array of " + length + " bytes claimed with "
                    + in.remaining() + " left");
        }
        byte[] array = new byte[length];
        in.get(array);
        return array;
    }
}
