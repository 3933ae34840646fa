package dev.grid.txn.impl;

import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionalMap;
import com.hazelcast.transaction.TransactionalQueue;
import dev.grid.core.GridMapConfig;
import dev.grid.core.TransactionalGridMap;
import dev.grid.txn.GridTransactionException;
import dev.grid.txn.TransactionScope;
import dev.grid.txn.TxnEvent.RollbackReason;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The scope of one transaction: enlists resources on first use, keeps database connections open until the
 * transaction completes, and refuses use from another thread or after completion.
 */
final class TxnScopeImpl implements TransactionScope, Synchronization {
    static final String GRID_RESOURCE = "grid";
    private static final Logger LOG = LoggerFactory.getLogger(TxnScopeImpl.class);

    private final Transaction transaction;
    private final TxnState state;
    private final Thread owner;
    private final HazelcastXAResource gridXa;
    private final String gridResourceManager;
    private final int gridTimeoutSeconds;
    private final Map<String, XaConnectionPool> pools;
    private final Consumer<TxnScopeImpl> onCompletion;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Connection> driverConnections = new ConcurrentHashMap<>();
    private final Map<String, XAConnection> xaConnections = new ConcurrentHashMap<>();
    private TransactionContext gridContext;
    private volatile int completionStatus = -1;
    private volatile boolean rollbackRequestedByWork;
    private volatile RollbackReason rollbackReason;

    TxnScopeImpl(Transaction transaction, TxnState state, HazelcastXAResource gridXa, String gridResourceManager,
                 int gridTimeoutSeconds, Map<String, XaConnectionPool> pools, Consumer<TxnScopeImpl> onCompletion) {
        this.transaction = transaction;
        this.state = state;
        this.owner = Thread.currentThread();
        this.gridXa = gridXa;
        this.gridResourceManager = gridResourceManager;
        this.gridTimeoutSeconds = gridTimeoutSeconds;
        this.pools = pools;
        this.onCompletion = onCompletion;
    }

    TxnState state() {
        return state;
    }

    Transaction transaction() {
        return transaction;
    }

    @Override
    public String txId() {
        return state.txId();
    }

    @Override
    public TransactionContext transactionContext() {
        checkUsable("transactionContext()");
        if (gridContext == null) {
            enlistObserved(GRID_RESOURCE, new ObservedXAResource(GRID_RESOURCE, gridXa, state, gridTimeoutSeconds, gridResourceManager));
            gridContext = gridXa.getTransactionContext();
        }
        return gridContext;
    }

    @Override
    public <K, V> TransactionalGridMap<K, V> gridMap(String name) {
        Objects.requireNonNull(name, "GridMap name");
        new GridMapConfig(name); // a bad name fails before the grid joins the transaction
        return TransactionalGridMap.in(transactionContext(), name);
    }

    @Override
    public <K, V> TransactionalMap<K, V> imap(String name) {
        Objects.requireNonNull(name, "map name");
        return transactionContext().getMap(name);
    }

    @Override
    public <E> TransactionalQueue<E> queue(String name) {
        Objects.requireNonNull(name, "queue name");
        return transactionContext().getQueue(name);
    }

    @Override
    public Connection connection(String dataSourceName) {
        checkUsable("connection(\"" + dataSourceName + "\")");
        Connection existing = connections.get(dataSourceName);
        if (existing != null) {
            ManagedConnection.reopen(existing);
            return existing;
        }
        XaConnectionPool pool = pools.get(dataSourceName);
        if (pool == null) {
            throw new IllegalArgumentException("no data source named '" + dataSourceName + "'; registered: " + pools.keySet()
                    + " (GridTxnConfig.addDataSource)");
        }
        XAConnection xaConnection;
        try {
            xaConnection = pool.borrow();
        } catch (SQLException e) {
            throw new GridTransactionException("transaction " + txId() + ": cannot connect to data source '" + dataSourceName + "': " + e, e);
        }
        try {
            enlistObserved(dataSourceName, new ObservedXAResource(dataSourceName, xaConnection.getXAResource(), state, 0,
                    ResourceManagerNames.dataSource(dataSourceName)));
        } catch (SQLException | RuntimeException e) {
            pool.release(xaConnection, false);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new GridTransactionException("transaction " + txId() + ": data source '" + dataSourceName
                    + "' cannot join: " + e, e);
        }
        xaConnections.put(dataSourceName, xaConnection); // enlisted: released when the transaction completes
        try {
            Connection driverConnection = xaConnection.getConnection();
            driverConnections.put(dataSourceName, driverConnection);
            Connection connection = ManagedConnection.wrap(driverConnection, dataSourceName, txId());
            connections.put(dataSourceName, connection);
            return connection;
        } catch (SQLException e) {
            throw new GridTransactionException("transaction " + txId() + ": data source '" + dataSourceName
                    + "' cannot join: " + e, e);
        }
    }

    @Override
    public void enlist(String name, XAResource resource) {
        Objects.requireNonNull(name, "resource name");
        Objects.requireNonNull(resource, "resource");
        checkUsable("enlist(\"" + name + "\")");
        enlistObserved(name, resource instanceof Serializable
                ? new DurableObservedXAResource(name, resource, state)
                : new ObservedXAResource(name, resource, state, 0, null));
    }

    @Override
    public void setRollbackOnly() {
        checkUsable("setRollbackOnly()");
        rollbackRequestedByWork = true;
        try {
            transaction.setRollbackOnly();
        } catch (SystemException e) {
            throw new GridTransactionException("transaction " + txId() + ": cannot mark rollback-only: " + e, e);
        }
    }

    @Override
    public boolean isRollbackOnly() {
        try {
            return transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            throw new GridTransactionException("transaction " + txId() + ": cannot read its status: " + e, e);
        }
    }

    boolean rollbackRequestedByWork() {
        return rollbackRequestedByWork;
    }

    void rollbackReason(RollbackReason reason) {
        this.rollbackReason = reason;
    }

    RollbackReason rollbackReason() {
        return rollbackReason;
    }

    boolean isCompleted() {
        return completionStatus >= 0;
    }

    int completionStatus() {
        return completionStatus;
    }

    private void enlistObserved(String name, ObservedXAResource resource) {
        try {
            if (!transaction.enlistResource(resource)) {
                throw new GridTransactionException("transaction " + txId() + ": resource '" + name + "' was not enlisted (status "
                        + transaction.getStatus() + ")");
            }
        } catch (RollbackException e) {
            throw new GridTransactionException("transaction " + txId() + " is marked for rollback: resource '" + name
                    + "' cannot join it", e);
        } catch (SystemException | IllegalStateException e) {
            throw new GridTransactionException("transaction " + txId() + ": resource '" + name + "' cannot join: " + e, e);
        }
        state.enlisted(name);
    }

    private void checkUsable(String what) {
        if (isCompleted()) {
            throw new IllegalStateException("transaction scope of " + txId() + " used after the transaction completed ("
                    + (completionStatus == Status.STATUS_COMMITTED ? "committed" : "rolled back") + "): " + what
                    + "; a scope is valid only inside its work");
        }
        Thread current = Thread.currentThread();
        if (current != owner) {
            throw new IllegalStateException("transaction scope of " + txId() + " belongs to thread '" + owner.getName()
                    + "' but " + what + " was called from thread '" + current.getName()
                    + "': a transaction is bound to the thread that runs its work; do the work on that thread, or run a "
                    + "transaction of its own on the other one");
        }
    }

    @Override
    public void beforeCompletion() {
        // nothing: connections must stay open through prepare and commit
    }

    @Override
    public void afterCompletion(int status) {
        completionStatus = status;
        for (Connection connection : connections.values()) {
            ManagedConnection.markCompleted(connection);
        }
        // reusable when the branch ended normally, and on the work's thread: if the timeout reaper completed the
        // transaction, the work may still be using the connection
        boolean ended = (status == Status.STATUS_COMMITTED || status == Status.STATUS_ROLLEDBACK) && Thread.currentThread() == owner;
        for (Map.Entry<String, XAConnection> entry : xaConnections.entrySet()) {
            String name = entry.getKey();
            boolean reusable = ended && state.completedNormally(name);
            Connection driverConnection = driverConnections.get(name);
            if (driverConnection != null && reusable) {
                try {
                    driverConnection.close(); // the work's handle: the next transaction gets a fresh one
                } catch (SQLException e) {
                    reusable = false;
                    LOG.debug("transaction {}: closing the work's handle to data source '{}' failed: {}", txId(), name, e.toString());
                }
            }
            pools.get(name).release(entry.getValue(), reusable);
        }
        onCompletion.accept(this);
    }
}
