package dev.grid.txn;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionalMap;
import com.hazelcast.transaction.TransactionalQueue;
import dev.grid.core.TransactionalGridMap;

import java.sql.Connection;
import javax.transaction.xa.XAResource;

/**
 * What a {@link TransactionalWork} reaches inside its transaction. Resources join the transaction when first
 * used: work that only touches a database never enlists the grid, and work that touches one resource only
 * commits in one phase.
 *
 * <p>A scope belongs to the thread that runs the work and to one transaction: using it from another thread,
 * or after the transaction completed, throws {@link IllegalStateException} naming the transaction.
 *
 * <p>Grid structures: {@link #gridMap(String)} is a GridMap's transactional view; {@link #imap(String)} and
 * {@link #queue(String)} are Hazelcast's. They all live in the grid's one XA branch of the transaction, which joins
 * on first use. Any other transactional structure is reached through {@link #transactionContext()}.
 *
 * @since 0.1
 */
public interface TransactionScope {

    /** @return the transaction's id (Narayana's, as in events and {@link GridTransactions#inFlight()}) */
    String txId();

    /**
     * The grid's branch of this transaction, enlisting the grid's XA resource on first call.
     *
     * @return the Hazelcast transaction context bound to this transaction (member or client)
     */
    TransactionContext transactionContext();

    /**
     * The GridMap {@code name} in this transaction (enlists the grid on first call): reads see committed values
     * and this transaction's own writes; every write, and {@code getForUpdate}, locks the key on its owner until
     * the transaction completes. Works on a member and on a client alike. See {@code docs/gridmap.md#transactions}.
     *
     * @param name the map's name
     * @return the transactional view of {@code GridMap name}
     * @throws dev.grid.core.config.GridConfigException if the name is not a valid map name
     */
    <K, V> TransactionalGridMap<K, V> gridMap(String name);

    /**
     * @param name the map's name
     * @return Hazelcast's transactional view of {@code IMap name}, in this transaction (enlists the grid)
     */
    <K, V> TransactionalMap<K, V> imap(String name);

    /**
     * @param name the queue's name
     * @return Hazelcast's transactional view of {@code IQueue name}, in this transaction (enlists the grid)
     */
    <E> TransactionalQueue<E> queue(String name);

    /**
     * A connection to a registered database, enlisted in this transaction. Every call with the same name in one
     * transaction returns the same connection. It stays open until the transaction completes: {@code close()}
     * only ends the work's use of it (closing the driver's connection before commit would silently drop the
     * work on some drivers, H2 among them), and {@code commit}, {@code rollback} and {@code setAutoCommit(true)}
     * are refused: the transaction decides.
     *
     * @param dataSourceName a name given to {@link GridTxnConfig#addDataSource}
     * @return the connection
     * @throws IllegalArgumentException if no database has that name
     * @throws GridTransactionException if the database cannot be reached or refuses to join
     */
    Connection connection(String dataSourceName);

    /**
     * Enlists another XA resource (a message broker, a test double) under a name that shows in events and
     * {@link GridTransactions#inFlight()}. Recovery finds its in-doubt branches only if the resource is
     * {@link java.io.Serializable} (Narayana then keeps it in the transaction log).
     *
     * @param name     the resource's name
     * @param resource the resource
     */
    void enlist(String name, XAResource resource);

    /** Marks the transaction so that it rolls back when the work returns, without an exception. */
    void setRollbackOnly();

    /** @return whether the transaction will roll back */
    boolean isRollbackOnly();
}
