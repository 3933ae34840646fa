package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.builtin.ByteArrayCodec;
import com.hazelcast.client.impl.protocol.codec.builtin.DataCodec;
import com.hazelcast.client.impl.protocol.codec.builtin.ListMultiFrameCodec;
import com.hazelcast.client.impl.protocol.codec.builtin.StringCodec;
import com.hazelcast.internal.serialization.Data;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static com.hazelcast.client.impl.protocol.ClientMessage.PARTITION_ID_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.RESPONSE_BACKUP_ACKS_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.TYPE_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.BOOLEAN_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.BYTE_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.INT_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.LONG_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.UUID_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeBoolean;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeInt;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeLong;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeUUID;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeBoolean;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeInt;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeLong;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeUUID;

/**
 * Hand-built encoders and decoders of GridMap's client messages, in the layout of Hazelcast's
 * generated codecs: an initial frame (message type, correlation id, partition id, then fixed-size
 * fields), then one frame per variable-size field (the map name, serialized keys and values).
 * Keys and values travel as the serialized bytes GridMap stores; nothing is deserialized on the way.
 *
 * <p>Shapes, by call:
 * <ul>
 *   <li>{@link KeyRequest}: get, containsKey, remove, delete;</li>
 *   <li>{@link KeyValueRequest}: put, set, putIfAbsent, replace; removeIfSame (the value is the
 *       expected value) and executeOnKey (the value is the serialized entry processor);</li>
 *   <li>{@link ReplaceIfSameRequest}, {@link KeysRequest} (getAll of one partition),
 *       {@link PutAllRequest} (putAll of one partition), {@link FetchRequest} (one partition's
 *       entries or keys, for iteration), and {@link Request} (size, clear: just the name);</li>
 *   <li>{@link TxnRequest}: every call of the transactional view (the transaction's id, then the
 *       key, value and expected value each call needs).</li>
 * </ul>
 * Responses carry one nullable serialized value, a boolean, a long, nothing, or the entries of one
 * partition.
 */
public final class GridMapCodecs {
    private static final int REQUEST_INITIAL_FRAME_SIZE = PARTITION_ID_FIELD_OFFSET + INT_SIZE_IN_BYTES;
    private static final int FETCH_KEYS_ONLY_OFFSET = REQUEST_INITIAL_FRAME_SIZE;
    private static final int FETCH_LIMIT_OFFSET = FETCH_KEYS_ONLY_OFFSET + BOOLEAN_SIZE_IN_BYTES;
    private static final int FENCE_OFFSET = REQUEST_INITIAL_FRAME_SIZE;
    private static final int TXN_ID_OFFSET = REQUEST_INITIAL_FRAME_SIZE;
    private static final int RESPONSE_FIELD_OFFSET = RESPONSE_BACKUP_ACKS_FIELD_OFFSET + BYTE_SIZE_IN_BYTES;

    private GridMapCodecs() {
    }

    /** What every request carries: the map's name. Size and clear carry nothing else. */
    public static class Request {
        public String name;

        /** @return the stored bytes of every key the request names (none for map-wide calls) */
        public List<byte[]> namedKeys() {
            return List.of();
        }
    }

    /** A call on one key. */
    public static class KeyRequest extends Request {
        public Data key;

        @Override
        public List<byte[]> namedKeys() {
            return List.of(key.toByteArray());
        }
    }

    /** A call on one key with one serialized argument (a value, an expected value or an entry processor). */
    public static class KeyValueRequest extends KeyRequest {
        public Data value;
    }

    /** replace(key, expected, value). */
    public static final class ReplaceIfSameRequest extends KeyValueRequest {
        public Data expected;
    }

    /** getAll of the keys of one partition, as stored bytes. */
    public static final class KeysRequest extends Request {
        public List<byte[]> keys;

        @Override
        public List<byte[]> namedKeys() {
            return keys;
        }
    }

    /** putAll of the entries of one partition, as stored bytes, index for index. */
    public static final class PutAllRequest extends Request {
        public List<byte[]> keys;
        public List<byte[]> values;

        @Override
        public List<byte[]> namedKeys() {
            return keys;
        }
    }

    /** setFenced/putFenced (a value) or removeFenced (no value), with the writer's fence. */
    public static final class FencedWriteRequest extends KeyRequest {
        public Data value;
        public long fence;
    }

    /** A call of the transactional view: the transaction's id, and the key and values the call needs (else null). */
    public static final class TxnRequest extends Request {
        public UUID txnId;
        public Data key;
        public Data value;
        public Data expected;
    }

    /** A query over every partition: the serialized {@code QuerySpec}. */
    public static final class QueryRequest extends Request {
        public Data spec;
    }

    /** A query over some partitions: the serialized {@code QuerySpec} and the partitions. */
    public static final class QueryPartitionsRequest extends Request {
        public Data spec;
        public int[] partitions;
    }

    /** addIndex: the index as {@code GridIndexConfig.encode()} writes it. */
    public static final class AddIndexRequest extends Request {
        public String index;
    }

    /** Every entry (or every key) of one partition. */
    public static final class FetchRequest extends Request {
        public boolean keysOnly;
        /** the most entries to return ({@code FetchEntriesOperation.ALL}: every one) */
        public int limit;
    }

    // ---- requests ----

    private static ClientMessage newRequest(GridMapMessageType type, int fixedFieldsSize, boolean carriesData) {
        ClientMessage message = ClientMessage.createForEncode();
        message.setRetryable(type.retryable());
        message.setOperationName(type.operationName());
        message.setContainsSerializedDataInRequest(carriesData);
        ClientMessage.Frame initial = new ClientMessage.Frame(new byte[REQUEST_INITIAL_FRAME_SIZE + fixedFieldsSize],
                UNFRAGMENTED_MESSAGE);
        encodeInt(initial.content, TYPE_FIELD_OFFSET, type.request());
        // ClientInvocation(..., partitionId) writes the key's partition here; map-wide calls keep -1.
        encodeInt(initial.content, PARTITION_ID_FIELD_OFFSET, -1);
        message.add(initial);
        return message;
    }

    public static ClientMessage encodeRequest(GridMapMessageType type, String name) {
        ClientMessage message = newRequest(type, 0, false);
        StringCodec.encode(message, name);
        return message;
    }

    public static Request decodeRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        Request request = new Request();
        request.name = StringCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeKeyRequest(GridMapMessageType type, String name, Data key) {
        ClientMessage message = newRequest(type, 0, true);
        StringCodec.encode(message, name);
        DataCodec.encode(message, key);
        return message;
    }

    public static KeyRequest decodeKeyRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        KeyRequest request = new KeyRequest();
        request.name = StringCodec.decode(frames);
        request.key = DataCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeKeyValueRequest(GridMapMessageType type, String name, Data key, Data value) {
        ClientMessage message = newRequest(type, 0, true);
        StringCodec.encode(message, name);
        DataCodec.encode(message, key);
        DataCodec.encode(message, value);
        return message;
    }

    public static KeyValueRequest decodeKeyValueRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        KeyValueRequest request = new KeyValueRequest();
        request.name = StringCodec.decode(frames);
        request.key = DataCodec.decode(frames);
        request.value = DataCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeReplaceIfSameRequest(String name, Data key, Data expected, Data value) {
        ClientMessage message = newRequest(GridMapMessageType.REPLACE_IF_SAME, 0, true);
        StringCodec.encode(message, name);
        DataCodec.encode(message, key);
        DataCodec.encode(message, expected);
        DataCodec.encode(message, value);
        return message;
    }

    public static ReplaceIfSameRequest decodeReplaceIfSameRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        ReplaceIfSameRequest request = new ReplaceIfSameRequest();
        request.name = StringCodec.decode(frames);
        request.key = DataCodec.decode(frames);
        request.expected = DataCodec.decode(frames);
        request.value = DataCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeGetAllRequest(String name, Collection<Data> keys) {
        ClientMessage message = newRequest(GridMapMessageType.GET_ALL, 0, true);
        StringCodec.encode(message, name);
        ListMultiFrameCodec.encode(message, keys, DataCodec::encode);
        return message;
    }

    public static KeysRequest decodeGetAllRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        KeysRequest request = new KeysRequest();
        request.name = StringCodec.decode(frames);
        request.keys = storedBytes(ListMultiFrameCodec.decode(frames, DataCodec::decode));
        return request;
    }

    public static ClientMessage encodePutAllRequest(String name, List<Data> keys, List<Data> values) {
        ClientMessage message = newRequest(GridMapMessageType.PUT_ALL, 0, true);
        StringCodec.encode(message, name);
        ListMultiFrameCodec.encode(message, keys, DataCodec::encode);
        ListMultiFrameCodec.encode(message, values, DataCodec::encode);
        return message;
    }

    /** @throws IllegalArgumentException if the request has not as many values as keys */
    public static PutAllRequest decodePutAllRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        PutAllRequest request = new PutAllRequest();
        request.name = StringCodec.decode(frames);
        request.keys = storedBytes(ListMultiFrameCodec.decode(frames, DataCodec::decode));
        request.values = storedBytes(ListMultiFrameCodec.decode(frames, DataCodec::decode));
        if (request.keys.size() != request.values.size()) {
            throw new IllegalArgumentException("GridMap '" + request.name + "': a putAll request carries "
                    + request.keys.size() + " keys but " + request.values.size() + " values; nothing was stored");
        }
        return request;
    }

    /** @param value the new value, or null for removeFenced */
    public static ClientMessage encodeFencedWriteRequest(String name, Data key, Data value, long fence) {
        ClientMessage message = newRequest(GridMapMessageType.FENCED_WRITE, LONG_SIZE_IN_BYTES, true);
        encodeLong(message.getStartFrame().content, FENCE_OFFSET, fence);
        StringCodec.encode(message, name);
        DataCodec.encode(message, key);
        DataCodec.encodeNullable(message, value);
        return message;
    }

    public static FencedWriteRequest decodeFencedWriteRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        FencedWriteRequest request = new FencedWriteRequest();
        request.fence = decodeLong(frames.next().content, FENCE_OFFSET);
        request.name = StringCodec.decode(frames);
        request.key = DataCodec.decode(frames);
        request.value = DataCodec.decodeNullable(frames);
        return request;
    }

    public static ClientMessage encodeFetchRequest(String name, boolean keysOnly) {
        return encodeFetchRequest(name, keysOnly, FetchEntriesOperation.ALL);
    }

    /** @param limit the most entries to return, at least 1 */
    public static ClientMessage encodeFetchRequest(String name, boolean keysOnly, int limit) {
        ClientMessage message = newRequest(GridMapMessageType.FETCH_ENTRIES, BOOLEAN_SIZE_IN_BYTES + INT_SIZE_IN_BYTES, false);
        encodeBoolean(message.getStartFrame().content, FETCH_KEYS_ONLY_OFFSET, keysOnly);
        encodeInt(message.getStartFrame().content, FETCH_LIMIT_OFFSET, limit);
        StringCodec.encode(message, name);
        return message;
    }

    public static FetchRequest decodeFetchRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        FetchRequest request = new FetchRequest();
        byte[] fixed = frames.next().content;
        request.keysOnly = decodeBoolean(fixed, FETCH_KEYS_ONLY_OFFSET);
        request.limit = decodeInt(fixed, FETCH_LIMIT_OFFSET);
        request.name = StringCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeQueryRequest(String name, Data spec) {
        ClientMessage message = newRequest(GridMapMessageType.QUERY, 0, true);
        StringCodec.encode(message, name);
        DataCodec.encode(message, spec);
        return message;
    }

    public static QueryRequest decodeQueryRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        QueryRequest request = new QueryRequest();
        request.name = StringCodec.decode(frames);
        request.spec = DataCodec.decode(frames);
        return request;
    }

    public static ClientMessage encodeQueryPartitionsRequest(String name, Data spec, int[] partitions) {
        ClientMessage message = newRequest(GridMapMessageType.QUERY_PARTITIONS, 0, true);
        StringCodec.encode(message, name);
        DataCodec.encode(message, spec);
        ByteBuffer ids = ByteBuffer.allocate(partitions.length * INT_SIZE_IN_BYTES);
        ids.asIntBuffer().put(partitions);
        ByteArrayCodec.encode(message, ids.array());
        return message;
    }

    public static QueryPartitionsRequest decodeQueryPartitionsRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        QueryPartitionsRequest request = new QueryPartitionsRequest();
        request.name = StringCodec.decode(frames);
        request.spec = DataCodec.decode(frames);
        byte[] ids = ByteArrayCodec.decode(frames);
        if (ids.length % INT_SIZE_IN_BYTES != 0) {
            throw new IllegalArgumentException("GridMap '" + request.name + "': a query names partitions in " + ids.length
                    + " bytes, not a multiple of " + INT_SIZE_IN_BYTES);
        }
        request.partitions = new int[ids.length / INT_SIZE_IN_BYTES];
        ByteBuffer.wrap(ids).asIntBuffer().get(request.partitions);
        return request;
    }

    public static ClientMessage encodeAddIndexRequest(String name, String index) {
        ClientMessage message = newRequest(GridMapMessageType.ADD_INDEX, 0, false);
        StringCodec.encode(message, name);
        StringCodec.encode(message, index);
        return message;
    }

    public static AddIndexRequest decodeAddIndexRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        AddIndexRequest request = new AddIndexRequest();
        request.name = StringCodec.decode(frames);
        request.index = StringCodec.decode(frames);
        return request;
    }

    /**
     * @param key      null for size
     * @param value    the value to write, or null
     * @param expected the expected value of replace(key, expected, value) and remove(key, expected), or null
     */
    public static ClientMessage encodeTxnRequest(GridMapMessageType type, UUID txnId, String name, Data key, Data value,
                                                 Data expected) {
        ClientMessage message = newRequest(type, UUID_SIZE_IN_BYTES, key != null);
        encodeUUID(message.getStartFrame().content, TXN_ID_OFFSET, txnId);
        StringCodec.encode(message, name);
        DataCodec.encodeNullable(message, key);
        DataCodec.encodeNullable(message, value);
        DataCodec.encodeNullable(message, expected);
        return message;
    }

    public static TxnRequest decodeTxnRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        TxnRequest request = new TxnRequest();
        request.txnId = decodeUUID(frames.next().content, TXN_ID_OFFSET);
        request.name = StringCodec.decode(frames);
        request.key = DataCodec.decodeNullable(frames);
        request.value = DataCodec.decodeNullable(frames);
        request.expected = DataCodec.decodeNullable(frames);
        return request;
    }

    /** Data decoded from a frame is a view of the frame's bytes, so this copies nothing. */
    private static List<byte[]> storedBytes(List<Data> data) {
        List<byte[]> bytes = new ArrayList<>(data.size());
        for (Data item : data) {
            bytes.add(item.toByteArray());
        }
        return bytes;
    }

    // ---- responses ----

    private static ClientMessage newResponse(GridMapMessageType type, int fixedFieldsSize) {
        ClientMessage message = ClientMessage.createForEncode();
        ClientMessage.Frame initial = new ClientMessage.Frame(new byte[RESPONSE_FIELD_OFFSET + fixedFieldsSize],
                UNFRAGMENTED_MESSAGE);
        encodeInt(initial.content, TYPE_FIELD_OFFSET, type.response());
        message.add(initial);
        return message;
    }

    public static ClientMessage encodeVoidResponse(GridMapMessageType type) {
        return newResponse(type, 0);
    }

    public static ClientMessage encodeDataResponse(GridMapMessageType type, Data value) {
        ClientMessage message = newResponse(type, 0);
        DataCodec.encodeNullable(message, value);
        return message;
    }

    /** @param bytes the response's one frame, sent as it is */
    public static ClientMessage encodeBytesResponse(GridMapMessageType type, byte[] bytes) {
        ClientMessage message = newResponse(type, 0);
        ByteArrayCodec.encode(message, bytes);
        return message;
    }

    public static byte[] decodeBytesResponse(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        return ByteArrayCodec.decode(frames);
    }

    /** @return the serialized value, or null */
    public static Data decodeDataResponse(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        return DataCodec.decodeNullable(frames);
    }

    public static ClientMessage encodeBooleanResponse(GridMapMessageType type, boolean value) {
        ClientMessage message = newResponse(type, BOOLEAN_SIZE_IN_BYTES);
        encodeBoolean(message.getStartFrame().content, RESPONSE_FIELD_OFFSET, value);
        return message;
    }

    public static boolean decodeBooleanResponse(ClientMessage message) {
        return decodeBoolean(message.getStartFrame().content, RESPONSE_FIELD_OFFSET);
    }

    public static ClientMessage encodeLongResponse(GridMapMessageType type, long value) {
        ClientMessage message = newResponse(type, LONG_SIZE_IN_BYTES);
        encodeLong(message.getStartFrame().content, RESPONSE_FIELD_OFFSET, value);
        return message;
    }

    public static long decodeLongResponse(ClientMessage message) {
        return decodeLong(message.getStartFrame().content, RESPONSE_FIELD_OFFSET);
    }

    public static ClientMessage encodeEntriesResponse(GridMapMessageType type, EntriesResponse entries) {
        ClientMessage message = newResponse(type, 0);
        ListMultiFrameCodec.encode(message, entries.keys(), ByteArrayCodec::encode);
        ListMultiFrameCodec.encodeNullable(message, entries.values(), ByteArrayCodec::encode);
        return message;
    }

    /** @return the entries, with null values when only keys were fetched */
    public static EntriesResponse decodeEntriesResponse(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        List<byte[]> keys = ListMultiFrameCodec.decode(frames, ByteArrayCodec::decode);
        List<byte[]> values = ListMultiFrameCodec.decodeNullable(frames, ByteArrayCodec::decode);
        return new EntriesResponse(keys, values);
    }
}
