package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.txn.impl.DefaultGridTransactions;

import java.util.List;

/**
 * XA transactions over a grid (member or client) and JDBC databases, coordinated by Narayana, with crash
 * recovery. Work runs in a transaction and commits on every resource or on none:
 *
 * <pre>{@code
 * try (GridTransactions txns = GridTransactions.start(grid, new GridTxnConfig()
 *         .setNodeIdentifier("orders-app-1")
 *         .addDataSource("orders", pgXaDataSource))) {
 *     txns.required(scope -> {
 *         scope.imap("stock").put("sku-1", 41);
 *         try (PreparedStatement insert = scope.connection("orders").prepareStatement("insert into orders values (?, ?)")) {
 *             insert.setString(1, "o-17");
 *             insert.setString(2, "sku-1");
 *             insert.executeUpdate();
 *         }
 *         return null;
 *     });
 * }
 * }</pre>
 *
 * <p><b>One configuration per JVM.</b> Narayana is a JVM-wide singleton configured before its first use: the
 * object store directory, node identifier, default timeout and recovery settings of the first
 * {@code GridTransactions} hold for the JVM's life. Further instances (over other grids, with other data sources)
 * may start if those settings are equal; different ones fail with {@link dev.grid.core.GridConfigException}.
 *
 * <p>Events: see {@link TxnEvent}. Instances are thread-safe.
 *
 * @since 0.1
 */
public interface GridTransactions extends AutoCloseable {

    /**
     * Configures Narayana (first instance in the JVM), checks the object store, registers recovery for the grid
     * and the data sources, and starts periodic recovery.
     *
     * @param grid   the grid whose XA resource takes part (member or client)
     * @param config the settings; validated
     * @return the running transactions
     * @throws dev.grid.core.GridConfigException if the configuration is invalid, conflicts with the JVM's Narayana
     *                                           configuration, or the object store cannot be written or is in use
     */
    static GridTransactions start(Grid grid, GridTxnConfig config) {
        return DefaultGridTransactions.start(grid, config);
    }

    /**
     * Runs the work in the current thread's transaction, or in a new one if there is none. A new transaction
     * commits when the work returns and rolls back when it throws; a joined one is completed by whoever began it.
     *
     * @param work the work
     * @return what the work returned
     * @throws E                          what the work threw (after rolling back)
     * @throws GridTransactionException   if the transaction could not commit (it rolled back)
     * @throws GridHeuristicException     if resources ended in disagreement
     */
    <T, E extends Exception> T required(TransactionalWork<T, E> work) throws E;

    /**
     * Suspends the current thread's transaction (if any), runs the work in a new one, completes it, and resumes
     * the suspended transaction.
     *
     * @param work the work
     * @return what the work returned
     * @throws E what the work threw (after rolling back)
     * @see #required(TransactionalWork)
     */
    <T, E extends Exception> T requiresNew(TransactionalWork<T, E> work) throws E;

    /**
     * {@link #requiresNew(TransactionalWork)} with a timeout of its own instead of {@link GridTxnConfig#getDefaultTimeout()}.
     * The grid's branch gets the same extra time on top of its XA timeout.
     *
     * @param timeout whole seconds, > 0
     * @param work    the work
     * @return what the work returned
     * @throws E what the work threw (after rolling back)
     * @throws IllegalArgumentException if the timeout is not a positive whole number of seconds
     */
    <T, E extends Exception> T requiresNew(java.time.Duration timeout, TransactionalWork<T, E> work) throws E;

    /** @return the node identifier every Xid of this JVM carries */
    String nodeIdentifier();

    /** @return this JVM's transactions that began and have not completed, oldest first */
    List<InFlightTransaction> inFlight();

    /**
     * Reads the transaction log: transactions decided to commit whose completion some resource still owes (after
     * a crash between prepare and commit). Cheap: a directory listing of the object store.
     *
     * @return the in-doubt transactions of this node
     */
    List<InDoubtTransaction> inDoubt();

    /**
     * Runs a recovery scan now (both passes, so it takes at least {@link GridTxnConfig#getRecoveryBackoff()}),
     * in addition to the periodic ones.
     *
     * @return what the scan completed
     */
    RecoveryReport recoverNow();

    /** Stops recovery for this grid and its data sources. In-flight transactions are not waited for. Idempotent. */
    @Override
    void close();
}
