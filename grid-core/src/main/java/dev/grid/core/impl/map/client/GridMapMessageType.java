package dev.grid.core.impl.map.client;

import dev.grid.core.spi.ModuleIds;

/**
 * Every client protocol message type of GridMap, in one place. A type id is {@code 0xSSMMRR}, as in
 * Hazelcast's protocol: service byte {@code SS}, method byte {@code MM}, then {@code 00} for the
 * request and {@code 01} for its response.
 *
 * <p>Hazelcast does not check or reserve custom ids: a member merges the factories of every
 * {@code MessageTaskFactoryProvider} into one table, and a later provider silently overrides an
 * earlier one's id. Hazelcast 5.7.0 uses service bytes 0x00-0x24 and 0xFD-0xFF; grid takes
 * 0xC1 for GridMap, and the next grid structure takes the next byte (0xC2...).
 * {@code ClientGridMapTest} checks that no id collides with Hazelcast's own tasks. Never reuse or
 * renumber an id once released: clients and members of different versions must agree on them.
 */
public enum GridMapMessageType {
    GET(0x01, "GridMap.Get", true),
    PUT(0x02, "GridMap.Put", false),
    SET(0x03, "GridMap.Set", false),
    PUT_IF_ABSENT(0x04, "GridMap.PutIfAbsent", false),
    REPLACE(0x05, "GridMap.Replace", false),
    REPLACE_IF_SAME(0x06, "GridMap.ReplaceIfSame", false),
    REMOVE(0x07, "GridMap.Remove", false),
    REMOVE_IF_SAME(0x08, "GridMap.RemoveIfSame", false),
    DELETE(0x09, "GridMap.Delete", false),
    CONTAINS_KEY(0x0A, "GridMap.ContainsKey", true),
    GET_ALL(0x0B, "GridMap.GetAll", true),
    PUT_ALL(0x0C, "GridMap.PutAll", false),
    SIZE(0x0D, "GridMap.Size", true),
    CLEAR(0x0E, "GridMap.Clear", false),
    EXECUTE_ON_KEY(0x0F, "GridMap.ExecuteOnKey", false),
    FETCH_ENTRIES(0x10, "GridMap.FetchEntries", true),
    FENCED_WRITE(0x11, "GridMap.FencedWrite", false),
    QUERY(0x12, "GridMap.Query", true),
    ADD_INDEX(0x13, "GridMap.AddIndex", false),
    QUERY_PARTITIONS(0x14, "GridMap.QueryPartitions", true),
    // The transactional view: sent over the connection the client's transaction lives on (never resent).
    TXN_GET(0x21, "GridMap.TxnGet", false),
    TXN_GET_FOR_UPDATE(0x22, "GridMap.TxnGetForUpdate", false),
    TXN_PUT(0x23, "GridMap.TxnPut", false),
    TXN_SET(0x24, "GridMap.TxnSet", false),
    TXN_PUT_IF_ABSENT(0x25, "GridMap.TxnPutIfAbsent", false),
    TXN_REPLACE(0x26, "GridMap.TxnReplace", false),
    TXN_REPLACE_IF_SAME(0x27, "GridMap.TxnReplaceIfSame", false),
    TXN_REMOVE(0x28, "GridMap.TxnRemove", false),
    TXN_REMOVE_IF_SAME(0x29, "GridMap.TxnRemoveIfSame", false),
    TXN_DELETE(0x2A, "GridMap.TxnDelete", false),
    TXN_CONTAINS_KEY(0x2B, "GridMap.TxnContainsKey", false),
    TXN_SIZE(0x2C, "GridMap.TxnSize", false);

    /** The service byte of GridMap's message types. */
    public static final int SERVICE_BYTE = ModuleIds.CORE.messageServiceByte();

    private final int request;
    private final int response;
    private final String operationName;
    private final boolean retryable;

    GridMapMessageType(int method, String operationName, boolean retryable) {
        this.request = ModuleIds.CORE.messageServiceByte() << 16 | method << 8;
        this.response = request | 0x01;
        this.operationName = operationName;
        this.retryable = retryable;
    }

    /** @return the request's message type id ({@code 0xC1MM00}) */
    public int request() {
        return request;
    }

    /** @return the response's message type id ({@code 0xC1MM01}) */
    public int response() {
        return response;
    }

    /** @return the name the client's diagnostics show for the call */
    public String operationName() {
        return operationName;
    }

    /** @return the GridMap method the call stands for, e.g. {@code putIfAbsent} */
    public String methodName() {
        String method = operationName.substring(operationName.indexOf('.') + 1);
        return Character.toLowerCase(method.charAt(0)) + method.substring(1);
    }

    /**
     * @return true for calls that are safe to send again when the connection to the member drops
     *         before the response arrives: the reads, which change nothing
     */
    public boolean retryable() {
        return retryable;
    }
}
