package dev.grid.core.impl.map;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Encodes and decodes the commonest key and value types ({@code String}, {@code Integer},
 * {@code Long}, {@code byte[]}) directly, byte for byte as Hazelcast's serialization does, without
 * its buffer pool and streams: the local read path spends a third of its time there otherwise.
 * It switches itself off at start-up unless its bytes match Hazelcast's for a set of samples (a
 * member configured with another byte order or a global partitioning strategy keeps using
 * Hazelcast's serialization throughout).
 */
final class DirectCodec {
    /** Returned by {@link #decode(byte[])} for bytes of a type this codec does not handle. */
    static final Object NOT_DECODED = new Object();

    // Hazelcast's SerializationConstants, and the layout of its HeapData: [partition hash][type id][payload].
    private static final int TYPE_INTEGER = -7;
    private static final int TYPE_LONG = -8;
    private static final int TYPE_STRING = -11;
    private static final int TYPE_BYTE_ARRAY = -12;
    private static final int TYPE_OFFSET = 4;
    private static final int PAYLOAD_OFFSET = 8;
    private static final List<Object> SAMPLES = List.of("", "key-42", "grüße 東京 \uD83D\uDE00", 0, -1, Integer.MAX_VALUE,
            0L, Long.MIN_VALUE, 1234567890123L, new byte[0], new byte[] {1, 2, 3, -4});

    /**
     * The check's outcome per serialization service (one per member or client): a transaction creates a view
     * per map, and the check costs more than the transaction's own serialization.
     */
    private static final Map<SerializationService, Boolean> CHECKED = Collections.synchronizedMap(new WeakHashMap<>());

    private final boolean enabled;

    DirectCodec(SerializationService serialization) {
        this.enabled = CHECKED.computeIfAbsent(serialization, DirectCodec::matchesHazelcast);
    }

    boolean enabled() {
        return enabled;
    }

    /** @return the object serialized as Hazelcast would, or null if this codec does not handle its type */
    Data encode(Object object) {
        return enabled ? rawEncode(object) : null;
    }

    /** @return the value the bytes hold, or {@link #NOT_DECODED} if this codec does not handle their type */
    Object decode(byte[] bytes) {
        return enabled ? rawDecode(bytes) : NOT_DECODED;
    }

    private static Data rawEncode(Object object) {
        byte[] bytes;
        if (object instanceof String) {
            byte[] utf8 = ((String) object).getBytes(StandardCharsets.UTF_8);
            bytes = header(TYPE_STRING, 4 + utf8.length).putInt(utf8.length).put(utf8).array();
        } else if (object instanceof Integer) {
            bytes = header(TYPE_INTEGER, 4).putInt((Integer) object).array();
        } else if (object instanceof Long) {
            bytes = header(TYPE_LONG, 8).putLong((Long) object).array();
        } else if (object instanceof byte[]) {
            byte[] array = (byte[]) object;
            bytes = header(TYPE_BYTE_ARRAY, 4 + array.length).putInt(array.length).put(array).array();
        } else {
            return null;
        }
        return new HeapData(bytes);
    }

    private static Object rawDecode(byte[] bytes) {
        if (bytes.length < PAYLOAD_OFFSET) {
            return NOT_DECODED;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        switch (in.getInt(TYPE_OFFSET)) {
            case TYPE_STRING:
                return new String(bytes, PAYLOAD_OFFSET + 4, in.getInt(PAYLOAD_OFFSET), StandardCharsets.UTF_8);
            case TYPE_INTEGER:
                return in.getInt(PAYLOAD_OFFSET);
            case TYPE_LONG:
                return in.getLong(PAYLOAD_OFFSET);
            case TYPE_BYTE_ARRAY:
                return Arrays.copyOfRange(bytes, PAYLOAD_OFFSET + 4, PAYLOAD_OFFSET + 4 + in.getInt(PAYLOAD_OFFSET));
            default:
                return NOT_DECODED;
        }
    }

    private static ByteBuffer header(int type, int payloadLength) {
        // partition hash 0: Hazelcast writes 0 when no partitioning strategy applies (checked at start-up)
        return ByteBuffer.allocate(PAYLOAD_OFFSET + payloadLength).order(ByteOrder.BIG_ENDIAN).putInt(0).putInt(type);
    }

    private static boolean matchesHazelcast(SerializationService serialization) {
        for (Object sample : SAMPLES) {
            byte[] hazelcast = serialization.toData(sample).toByteArray();
            Data direct = rawEncode(sample);
            if (!Arrays.equals(hazelcast, direct.toByteArray())) {
                return false;
            }
            Object decoded = rawDecode(hazelcast);
            Object expected = serialization.toObject(new HeapData(hazelcast));
            if (!(expected instanceof byte[] ? Arrays.equals((byte[]) expected, (byte[]) decoded) : expected.equals(decoded))) {
                return false;
            }
        }
        return true;
    }
}
