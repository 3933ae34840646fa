package dev.grid.core;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionalObject;

/**
 * The view of a {@link GridMap} inside a Hazelcast transaction ({@link TransactionContext}, a
 * TWO_PHASE or ONE_PHASE transaction, or an XA branch through Hazelcast's XAResource).
 *
 * <p>Isolation is read-committed: reads see committed values and this transaction's own writes.
 * Every write, and {@link #getForUpdate(Object)}, locks the key on its partition owner until the
 * transaction commits or rolls back; another transaction that touches a locked key waits up to the
 * transaction's timeout. Writes become visible to others only at commit.
 *
 * <pre>{@code
 * TransactionContext tx = grid.hazelcast().newTransactionContext();
 * tx.beginTransaction();
 * TransactionalGridMap<String, Long> accounts = TransactionalGridMap.in(tx, "accounts");
 * accounts.put("alice", accounts.getForUpdate("alice") - 10);
 * accounts.put("bob", accounts.getForUpdate("bob") + 10);
 * tx.commitTransaction();
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface TransactionalGridMap<K, V> extends TransactionalObject {

    /**
     * The GridMap named {@code name} inside the transaction, on a member or a client.
     *
     * @param context an active transaction (of a member or of a client)
     * @param name    the map's name
     * @param <K>     the key type
     * @param <V>     the value type
     * @return the transactional view
     */
    static <K, V> TransactionalGridMap<K, V> in(TransactionContext context, String name) {
        return dev.grid.core.impl.map.tx.TransactionalGridMaps.in(context, name);
    }

    /** @return the committed value, or this transaction's own write; null when absent */
    V get(K key);

    /** Like {@link #get(Object)}, and locks the key until the transaction ends. */
    V getForUpdate(K key);

    /** @return the previous value (as this transaction sees it), or null */
    V put(K key, V value);

    /** Like {@link #put(Object, Object)} without returning the previous value. */
    void set(K key, V value);

    /** @return the current value if present (nothing written), else null after writing */
    V putIfAbsent(K key, V value);

    /** @return the previous value if the key was present (and is now replaced), else null */
    V replace(K key, V value);

    /** @return whether the key mapped to {@code oldValue} and now maps to {@code newValue} */
    boolean replace(K key, V oldValue, V newValue);

    /** @return the removed value, or null */
    V remove(K key);

    /** @return whether the key mapped to {@code value} and was removed */
    boolean remove(K key, V value);

    /** Removes the key without returning the previous value. */
    void delete(K key);

    /** @return whether the key is present, as this transaction sees it */
    boolean containsKey(K key);

    /** @return the committed size plus this transaction's own inserts minus its removals */
    int size();

    /** @return whether {@link #size()} is 0 */
    default boolean isEmpty() {
        return size() == 0;
    }
}
