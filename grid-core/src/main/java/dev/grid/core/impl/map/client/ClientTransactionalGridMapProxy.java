package dev.grid.core.impl.map.client;

import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.ClientDestroyProxyCodec;
import com.hazelcast.client.impl.spi.ClientTransactionContext;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.partition.strategy.StringPartitioningStrategy;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapSerialization;
import dev.grid.core.impl.map.tx.TxnArguments;

/**
 * A GridMap inside a client's transaction (a {@code TransactionContext} or a client XA branch).
 * Hazelcast's client-side context only creates proxies of Hazelcast's own structures, so this one
 * sends grid's transactional messages itself, over the connection the transaction lives on, to the
 * member that runs the transaction; that member's view holds the transaction's locks and writes.
 * Arguments are checked and serialized here; everything else happens on the member.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ClientTransactionalGridMapProxy<K, V> implements TransactionalGridMap<K, V> {
    private final String name;
    private final ClientTransactionContext context;
    private final MapSerialization serialization;

    public ClientTransactionalGridMapProxy(String name, ClientTransactionContext context) {
        this.name = name;
        this.context = context;
        this.serialization = new MapSerialization(name, context.getClient().getSerializationService());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    @Override
    public String getPartitionKey() {
        return StringPartitioningStrategy.getPartitionKey(name);
    }

    /** Destroys the map itself, cluster-wide (as a member's transactional view does). */
    @Override
    public void destroy() {
        join(new ClientInvocation(context.getClient(), ClientDestroyProxyCodec.encodeRequest(name, GridMapService.SERVICE_NAME),
                name));
    }

    private ClientMessage send(GridMapMessageType type, Data key, Data value, Data expected) {
        ClientMessage request = GridMapCodecs.encodeTxnRequest(type, context.getTxnId(), name, key, value, expected);
        return join(new ClientInvocation(context.getClient(), request, name, context.getConnection()));
    }

    private static ClientMessage join(ClientInvocation invocation) {
        try {
            return invocation.invoke().joinInternal();
        } catch (UndefinedErrorCodeException e) {
            throw ClientGridMapProxy.memberException(e);
        }
    }

    private Data key(Object key, String call) {
        return serialization.key(TxnArguments.requireKey(name, key, call));
    }

    private Data value(Object key, Object value, String argument, String call) {
        return serialization.value(key, TxnArguments.requireValue(name, value, argument, call), argument);
    }

    private V value(ClientMessage response) {
        Data data = GridMapCodecs.decodeDataResponse(response);
        return data == null ? null : serialization.toObject(data.toByteArray());
    }

    @Override
    public V get(K key) {
        return value(send(GridMapMessageType.TXN_GET, key(key, "get"), null, null));
    }

    @Override
    public V getForUpdate(K key) {
        return value(send(GridMapMessageType.TXN_GET_FOR_UPDATE, key(key, "getForUpdate"), null, null));
    }

    @Override
    public V put(K key, V value) {
        return value(send(GridMapMessageType.TXN_PUT, key(key, "put"), value(key, value, "value", "put"), null));
    }

    @Override
    public void set(K key, V value) {
        send(GridMapMessageType.TXN_SET, key(key, "set"), value(key, value, "value", "set"), null);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return value(send(GridMapMessageType.TXN_PUT_IF_ABSENT, key(key, "putIfAbsent"),
                value(key, value, "value", "putIfAbsent"), null));
    }

    @Override
    public V replace(K key, V value) {
        return value(send(GridMapMessageType.TXN_REPLACE, key(key, "replace"), value(key, value, "value", "replace"), null));
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Data keyData = key(key, "replace");
        Data expected = value(key, oldValue, "oldValue", "replace");
        Data value = value(key, newValue, "newValue", "replace");
        return GridMapCodecs.decodeBooleanResponse(send(GridMapMessageType.TXN_REPLACE_IF_SAME, keyData, value, expected));
    }

    @Override
    public V remove(K key) {
        return value(send(GridMapMessageType.TXN_REMOVE, key(key, "remove"), null, null));
    }

    @Override
    public boolean remove(K key, V value) {
        Data keyData = key(key, "remove");
        Data expected = value(key, value, "value", "remove");
        return GridMapCodecs.decodeBooleanResponse(send(GridMapMessageType.TXN_REMOVE_IF_SAME, keyData, null, expected));
    }

    @Override
    public void delete(K key) {
        send(GridMapMessageType.TXN_DELETE, key(key, "delete"), null, null);
    }

    @Override
    public boolean containsKey(K key) {
        return GridMapCodecs.decodeBooleanResponse(send(GridMapMessageType.TXN_CONTAINS_KEY, key(key, "containsKey"), null, null));
    }

    @Override
    public int size() {
        return (int) GridMapCodecs.decodeLongResponse(send(GridMapMessageType.TXN_SIZE, null, null, null));
    }

    @Override
    public String toString() {
        return "TransactionalGridMap[" + name + ", client txn " + context.getTxnId() + "]";
    }
}
