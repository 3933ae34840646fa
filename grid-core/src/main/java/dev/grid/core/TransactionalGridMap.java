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
 * <p>Every method throws:
 * <ul>
 *   <li>{@link com.hazelcast.transaction.TransactionNotActiveException} (naming the map) once the
 *       transaction has committed or rolled back;</li>
 *   <li>{@link com.hazelcast.transaction.TransactionTimedOutException} (naming the map, the key and
 *       the holder) when another transaction holds the key's lock for longer than this
 *       transaction's timeout;</li>
 *   <li>{@link NullPointerException} (naming the map and the call) for a null key or value;</li>
 *   <li>{@link IllegalArgumentException} for a value larger than the map's {@code maxValueSize} or
 *       a key or value that cannot be serialized.</li>
 * </ul>
 * Plain {@link GridMap} writes to a key a transaction holds wait until it ends (see
 * {@link KeyLockedByTransactionException}); plain reads do not wait. See {@code docs/gridmap.md},
 * "Transactions", for prepare, backups, leases and the client route.
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
     * The GridMap named {@code name} inside the transaction, on a member or a client. On a member
     * the context keeps one view per map for the transaction; on a client each call returns a new,
     * stateless view of the same member-side state.
     *
     * @param context an active transaction of a member or of a client: a {@code TransactionContext}
     *                ({@code hz.newTransactionContext(...)}) or an XA branch's
     *                ({@code hz.getXAResource().getTransactionContext()})
     * @param name    the map's name
     * @param <K>     the key type
     * @param <V>     the value type
     * @return the transactional view
     * @throws NullPointerException if the context is null
     * @throws GridConfigException  if the name is not a valid map name
     * @throws com.hazelcast.transaction.TransactionNotActiveException if a member's transaction is not active
     */
    static <K, V> TransactionalGridMap<K, V> in(TransactionContext context, String name) {
        return GridModules.provider(Grid.Provider.class).transactionalMap(context, name);
    }

    /** @return the committed value, or this transaction's own write; null when absent */
    V get(K key);

    /** Like {@link #get(Object)}, and locks the key (waiting up to the transaction's timeout) until the transaction ends. */
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
