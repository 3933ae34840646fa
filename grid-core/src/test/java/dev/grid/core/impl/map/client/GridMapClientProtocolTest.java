package dev.grid.core.impl.map.client;

import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import dev.grid.core.GridMapFullException;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GridMap's client messages without a cluster: ids, and every request and response shape encoded and decoded. */
class GridMapClientProtocolTest {
    private final SerializationService serialization = new DefaultSerializationServiceBuilder().build();

    private Data data(Object object) {
        return serialization.toData(object);
    }

    @Test
    void everyMessageTypeIsUniqueAndInGridMapsRange() {
        Set<Integer> ids = new HashSet<>();
        for (GridMapMessageType type : GridMapMessageType.values()) {
            assertEquals(GridMapMessageType.SERVICE_BYTE, type.request() >>> 16, type.name());
            assertEquals(0, type.request() & 0xFF, type.name());
            assertEquals(type.request() + 1, type.response(), type.name());
            assertTrue(ids.add(type.request()) && ids.add(type.response()), "duplicate id for " + type);
            assertTrue(type.operationName().startsWith("GridMap."), type.operationName());
        }
        assertEquals("putIfAbsent", GridMapMessageType.PUT_IF_ABSENT.methodName());
        assertTrue(GridMapMessageType.GET.retryable() && GridMapMessageType.FETCH_ENTRIES.retryable());
        assertFalse(GridMapMessageType.PUT.retryable() || GridMapMessageType.EXECUTE_ON_KEY.retryable());
    }

    @Test
    void keyRequestsCarryNameKeyAndTheCallsHeader() {
        ClientMessage message = GridMapCodecs.encodeKeyRequest(GridMapMessageType.GET, "orders", data("k1"));
        assertEquals(GridMapMessageType.GET.request(), message.getMessageType());
        assertEquals(-1, message.getPartitionId());
        assertTrue(message.isRetryable());
        assertTrue(message.isContainsSerializedDataInRequest());
        assertEquals("GridMap.Get", message.getOperationName());
        GridMapCodecs.KeyRequest request = GridMapCodecs.decodeKeyRequest(message);
        assertEquals("orders", request.name);
        assertEquals(data("k1"), request.key);
    }

    @Test
    void keyValueAndReplaceIfSameRequestsRoundTrip() {
        ClientMessage put = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.PUT, "m", data("k"), data("v"));
        assertFalse(put.isRetryable());
        GridMapCodecs.KeyValueRequest decoded = GridMapCodecs.decodeKeyValueRequest(put);
        assertEquals("m", decoded.name);
        assertEquals(data("k"), decoded.key);
        assertEquals(data("v"), decoded.value);

        GridMapCodecs.ReplaceIfSameRequest replace = GridMapCodecs.decodeReplaceIfSameRequest(
                GridMapCodecs.encodeReplaceIfSameRequest("m", data("k"), data("old"), data("new")));
        assertEquals(data("k"), replace.key);
        assertEquals(data("old"), replace.expected);
        assertEquals(data("new"), replace.value);
    }

    @Test
    void bulkRequestsCarryStoredBytesIndexForIndex() {
        List<Data> keys = List.of(data("a"), data("b"), data("c"));
        GridMapCodecs.KeysRequest getAll = GridMapCodecs.decodeGetAllRequest(GridMapCodecs.encodeGetAllRequest("m", keys));
        assertEquals(3, getAll.keys.size());
        assertArrayEquals(data("b").toByteArray(), getAll.keys.get(1));

        GridMapCodecs.PutAllRequest putAll = GridMapCodecs.decodePutAllRequest(
                GridMapCodecs.encodePutAllRequest("m", keys, List.of(data(1), data(2), data(3))));
        assertArrayEquals(data("c").toByteArray(), putAll.keys.get(2));
        assertArrayEquals(data(3).toByteArray(), putAll.values.get(2));
    }

    @Test
    void shouldRejectAPutAllRequestWithMoreKeysThanValues() {
        ClientMessage broken = GridMapCodecs.encodePutAllRequest("m", List.of(data("a"), data("b")), List.of(data(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridMapCodecs.decodePutAllRequest(broken));
        assertEquals("GridMap 'm': a putAll request carries 2 keys but 1 values; nothing was stored", e.getMessage());
    }

    @Test
    void nameAndFetchRequestsRoundTrip() {
        ClientMessage size = GridMapCodecs.encodeRequest(GridMapMessageType.SIZE, "m");
        assertEquals(GridMapMessageType.SIZE.request(), size.getMessageType());
        assertEquals("m", GridMapCodecs.decodeRequest(size).name);
        for (boolean keysOnly : new boolean[] {true, false}) {
            GridMapCodecs.FetchRequest fetch = GridMapCodecs.decodeFetchRequest(GridMapCodecs.encodeFetchRequest("m", keysOnly));
            assertEquals("m", fetch.name);
            assertEquals(keysOnly, fetch.keysOnly);
            assertEquals(FetchEntriesOperation.ALL, fetch.limit);
            GridMapCodecs.FetchRequest limited = GridMapCodecs.decodeFetchRequest(GridMapCodecs.encodeFetchRequest("m", keysOnly, 7));
            assertEquals(7, limited.limit);
            assertEquals(keysOnly, limited.keysOnly);
        }
    }

    @Test
    void queryPartitionsRequestShouldCarryNameSpecAndPartitions() {
        ClientMessage message = GridMapCodecs.encodeQueryPartitionsRequest("m", data("spec"), new int[] {0, 7, 270});
        assertEquals(GridMapMessageType.QUERY_PARTITIONS.request(), message.getMessageType());
        GridMapCodecs.QueryPartitionsRequest request = GridMapCodecs.decodeQueryPartitionsRequest(message);
        assertEquals("m", request.name);
        assertEquals(data("spec"), request.spec);
        assertArrayEquals(new int[] {0, 7, 270}, request.partitions);
        assertEquals(0, GridMapCodecs.decodeQueryPartitionsRequest(
                GridMapCodecs.encodeQueryPartitionsRequest("m", data("spec"), new int[0])).partitions.length);
        byte[] frame = {1, 2, 3};
        assertSame(frame, GridMapCodecs.decodeBytesResponse(GridMapCodecs.encodeBytesResponse(GridMapMessageType.QUERY_PARTITIONS, frame)),
                "the frame is sent as it is, not copied");
    }

    @Test
    void responsesRoundTrip() {
        assertEquals(data("v"), GridMapCodecs.decodeDataResponse(GridMapCodecs.encodeDataResponse(GridMapMessageType.GET, data("v"))));
        assertNull(GridMapCodecs.decodeDataResponse(GridMapCodecs.encodeDataResponse(GridMapMessageType.GET, null)));
        assertTrue(GridMapCodecs.decodeBooleanResponse(GridMapCodecs.encodeBooleanResponse(GridMapMessageType.DELETE, true)));
        assertFalse(GridMapCodecs.decodeBooleanResponse(GridMapCodecs.encodeBooleanResponse(GridMapMessageType.DELETE, false)));
        assertEquals(Long.MAX_VALUE - 1,
                GridMapCodecs.decodeLongResponse(GridMapCodecs.encodeLongResponse(GridMapMessageType.SIZE, Long.MAX_VALUE - 1)));
        assertEquals(GridMapMessageType.SET.response(), GridMapCodecs.encodeVoidResponse(GridMapMessageType.SET).getMessageType());

        byte[] key = data("k").toByteArray();
        byte[] value = data("v").toByteArray();
        EntriesResponse entries = GridMapCodecs.decodeEntriesResponse(GridMapCodecs.encodeEntriesResponse(
                GridMapMessageType.FETCH_ENTRIES, new EntriesResponse(List.of(key), List.of(value))));
        assertArrayEquals(key, entries.keys().get(0));
        assertArrayEquals(value, entries.values().get(0));
        EntriesResponse keysOnly = GridMapCodecs.decodeEntriesResponse(GridMapCodecs.encodeEntriesResponse(
                GridMapMessageType.FETCH_ENTRIES, new EntriesResponse(List.of(key, key), null)));
        assertEquals(2, keysOnly.keys().size());
        assertNull(keysOnly.values());
    }

    @Test
    void aGridMapFullExceptionTheClientCouldNotLoadBecomesOneAgain() {
        String message = "GridMap 'm' partition 3 is full: ...";
        RuntimeException full = ClientGridMapProxy.memberException(
                new UndefinedErrorCodeException(message, GridMapFullException.class.getName(), null));
        assertInstanceOf(GridMapFullException.class, full);
        assertEquals(message, full.getMessage());

        UndefinedErrorCodeException other = new UndefinedErrorCodeException("x", "com.example.Unknown", null);
        assertSame(other, ClientGridMapProxy.memberException(other));
    }
}
