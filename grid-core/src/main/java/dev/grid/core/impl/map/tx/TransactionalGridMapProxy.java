package dev.grid.core.impl.map.tx;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.TransactionalDistributedObject;
import com.hazelcast.transaction.impl.Transaction;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapSerialization;

/**
 * A GridMap inside a transaction, on the member where the transaction lives (Hazelcast creates it
 * through {@link GridMapService#createTransactionalObject}, once per transaction and map): turns
 * keys and values into GridMap's serialized form and hands them to the {@link TxnMapCore}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TransactionalGridMapProxy<K, V> extends TransactionalDistributedObject<GridMapService>
        implements TransactionalGridMap<K, V> {
    private final String name;
    private final TxnMapCore core;
    private final MapSerialization serialization;

    public TransactionalGridMapProxy(String name, NodeEngine nodeEngine, GridMapService service, Transaction tx) {
        super(nodeEngine, service, tx);
        this.name = name;
        this.core = new TxnMapCore(name, tx, nodeEngine, service);
        this.serialization = new MapSerialization(name, nodeEngine.getSerializationService());
    }

    /** @return the serialized-form view the client's message tasks call */
    public TxnMapCore core() {
        return core;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    private Data key(Object key, String call) {
        return serialization.key(TxnArguments.requireKey(name, key, call));
    }

    private Data value(Object key, Object value, String argument, String call) {
        return serialization.value(key, TxnArguments.requireValue(name, value, argument, call), argument);
    }

    private V toObject(Data data) {
        return data == null ? null : serialization.toObject(data.toByteArray());
    }

    @Override
    public V get(K key) {
        return toObject(core.get(key(key, "get")));
    }

    @Override
    public V getForUpdate(K key) {
        return toObject(core.getForUpdate(key(key, "getForUpdate")));
    }

    @Override
    public V put(K key, V value) {
        return toObject(core.put(key(key, "put"), value(key, value, "value", "put")));
    }

    @Override
    public void set(K key, V value) {
        core.set(key(key, "set"), value(key, value, "value", "set"));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return toObject(core.putIfAbsent(key(key, "putIfAbsent"), value(key, value, "value", "putIfAbsent")));
    }

    @Override
    public V replace(K key, V value) {
        return toObject(core.replace(key(key, "replace"), value(key, value, "value", "replace")));
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return core.replace(key(key, "replace"), value(key, oldValue, "oldValue", "replace"),
                value(key, newValue, "newValue", "replace"));
    }

    @Override
    public V remove(K key) {
        return toObject(core.remove(key(key, "remove")));
    }

    @Override
    public boolean remove(K key, V value) {
        return core.remove(key(key, "remove"), value(key, value, "value", "remove"));
    }

    @Override
    public void delete(K key) {
        core.delete(key(key, "delete"));
    }

    @Override
    public boolean containsKey(K key) {
        return core.containsKey(key(key, "containsKey"));
    }

    @Override
    public int size() {
        return core.size();
    }

    @Override
    public String toString() {
        return "TransactionalGridMap[" + name + ", txn " + tx.getTxnId() + "]";
    }
}
