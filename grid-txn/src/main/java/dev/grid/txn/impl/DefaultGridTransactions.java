package dev.grid.txn.impl;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import com.hazelcast.transaction.HazelcastXAResource;
import dev.grid.core.Grid;
import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.GridTransactionException;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import dev.grid.txn.InDoubtTransaction;
import dev.grid.txn.InFlightTransaction;
import dev.grid.txn.RecoveryReport;
import dev.grid.txn.TransactionalWork;
import dev.grid.txn.TxnEvent;
import dev.grid.txn.TxnEvent.RollbackReason;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XADataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GridTransactions} on Narayana: runs work in JTA transactions, enlists the grid's Hazelcast XA resource
 * and JDBC XA connections lazily, publishes {@code txn.*} events, and registers recovery for the grid and the
 * data sources.
 */
public final class DefaultGridTransactions implements GridTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGridTransactions.class);

    private final Grid grid;
    private final NarayanaSettings settings;
    private final TransactionManager tm;
    private final HazelcastXAResource gridXa;
    private final int gridXaTimeoutSeconds;
    private final Map<String, XADataSource> dataSources;
    private final Map<String, XaConnectionPool> pools;
    private final TxnEventPublisher publisher;
    private final Map<Transaction, TxnScopeImpl> scopes = new ConcurrentHashMap<>();
    private final Map<String, TxnState> inFlight = new ConcurrentHashMap<>();
    private final List<XAResourceRecoveryHelper> recoveryHelpers = new ArrayList<>();
    private final ReportingRecoveryModule reporting;
    private volatile boolean closed;

    private DefaultGridTransactions(Grid grid, GridTxnConfig config, NarayanaSettings settings) {
        this.grid = grid;
        this.settings = settings;
        this.tm = NarayanaRuntime.transactionManager();
        this.gridXa = grid.hazelcast().getXAResource();
        this.gridXaTimeoutSeconds = (int) config.getGridXaTimeout().toSeconds();
        this.dataSources = Map.copyOf(config.getDataSources());
        Map<String, XaConnectionPool> newPools = new java.util.HashMap<>();
        dataSources.forEach((name, dataSource) -> newPools.put(name, new XaConnectionPool(name, dataSource, config.getConnectionPoolSize())));
        this.pools = Map.copyOf(newPools);
        this.publisher = new TxnEventPublisher(grid.events(), settings.nodeIdentifier(), grid.clock());
        RecoveryTracker tracker = new RecoveryTracker(publisher);
        try {
            gridXa.setTransactionTimeout(gridXaTimeoutSeconds);
        } catch (javax.transaction.xa.XAException e) {
            throw new GridTransactionException("cannot set the grid's XA timeout to " + gridXaTimeoutSeconds + "s: " + e, e);
        }
        recoveryHelpers.add(RecoveryHelpers.grid(gridXa, grid.clusterName(), gridXaTimeoutSeconds, tracker));
        for (Map.Entry<String, XADataSource> entry : config.getDataSources().entrySet()) {
            recoveryHelpers.add(new RecoveryHelpers.DataSourceHelper(entry.getKey(), entry.getValue(), tracker));
        }
        XARecoveryModule xaRecovery = NarayanaRuntime.xaRecoveryModule();
        recoveryHelpers.forEach(xaRecovery::addXAResourceRecoveryHelper);
        this.reporting = new ReportingRecoveryModule(tracker, publisher, this::inDoubt);
        RecoveryManager.manager().addModule(reporting);
        LOG.info("grid transactions started: node {}, object store {}, default timeout {}s, grid XA timeout {}s, recovery every {}s, "
                        + "data sources {}", settings.nodeIdentifier(), settings.objectStoreDirectory(), settings.defaultTimeoutSeconds(),
                gridXaTimeoutSeconds, settings.recoveryPeriodSeconds(), dataSources.keySet());
    }

    /**
     * @see GridTransactions#start(Grid, GridTxnConfig)
     */
    public static DefaultGridTransactions start(Grid grid, GridTxnConfig config) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(config, "config").validate();
        Path directory = ObjectStoreDirectory.checkWritable(config.getObjectStoreDirectory().orElseGet(() -> NodeIds.defaultObjectStore(grid)));
        NarayanaSettings settings = NarayanaRuntime.acquire(directory, config.getNodeIdentifier(), () -> NodeIds.derive(grid),
                nodeId -> new NarayanaSettings(directory, nodeId, (int) config.getDefaultTimeout().toSeconds(),
                        (int) config.getRecoveryPeriod().toSeconds(), (int) config.getRecoveryBackoff().toSeconds(),
                        (int) Math.min(Integer.MAX_VALUE, config.getOrphanSafetyInterval().toMillis()), config.isRecoveryEnabled()));
        try {
            return new DefaultGridTransactions(grid, config, settings);
        } catch (RuntimeException e) {
            NarayanaRuntime.release();
            throw e;
        }
    }

    @Override
    public <T, E extends Exception> T required(TransactionalWork<T, E> work) throws E {
        Objects.requireNonNull(work, "work");
        checkOpen();
        Transaction current = currentTransaction();
        if (current != null) {
            return inJoinedTransaction(current, work);
        }
        return inNewTransaction(0, work);
    }

    @Override
    public <T, E extends Exception> T requiresNew(TransactionalWork<T, E> work) throws E {
        return requiresNew(null, work);
    }

    @Override
    public <T, E extends Exception> T requiresNew(Duration timeout, TransactionalWork<T, E> work) throws E {
        Objects.requireNonNull(work, "work");
        checkOpen();
        int timeoutSeconds = 0;
        if (timeout != null) {
            if (timeout.isNegative() || timeout.isZero() || timeout.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("transaction timeout must be a positive whole number of seconds, was " + timeout);
            }
            timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
        }
        Transaction suspended;
        try {
            suspended = tm.suspend();
        } catch (SystemException e) {
            throw new GridTransactionException("cannot suspend the current transaction: " + e, e);
        }
        try {
            return inNewTransaction(timeoutSeconds, work);
        } finally {
            if (suspended != null) {
                try {
                    tm.resume(suspended);
                } catch (InvalidTransactionException | SystemException | IllegalStateException e) {
                    LOG.error("cannot resume the suspended transaction {}: {}", suspended, e.toString());
                }
            }
        }
    }

    private <T, E extends Exception> T inJoinedTransaction(Transaction current, TransactionalWork<T, E> work) throws E {
        TxnScopeImpl scope = scopes.get(current);
        if (scope == null) {
            scope = newScope(current, settings.defaultTimeoutSeconds());
        }
        try {
            return work.run(scope);
        } catch (Throwable failure) {
            scope.rollbackReason(RollbackReason.WORK_FAILED);
            try {
                current.setRollbackOnly();
            } catch (SystemException | IllegalStateException e) {
                failure.addSuppressed(e);
            }
            throw DefaultGridTransactions.<RuntimeException>sneaky(failure);
        }
    }

    private <T, E extends Exception> T inNewTransaction(int timeoutSeconds, TransactionalWork<T, E> work) throws E {
        Transaction tx;
        try {
            tm.setTransactionTimeout(timeoutSeconds);
            tm.begin();
            tx = tm.getTransaction();
        } catch (NotSupportedException | SystemException e) {
            throw new GridTransactionException("cannot begin a transaction: " + e, e);
        } finally {
            resetTimeout();
        }
        TxnScopeImpl scope;
        try {
            scope = newScope(tx, timeoutSeconds > 0 ? timeoutSeconds : settings.defaultTimeoutSeconds());
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw e;
        }
        T result;
        try {
            result = work.run(scope);
        } catch (Throwable failure) {
            scope.rollbackReason(RollbackReason.WORK_FAILED);
            rollbackQuietly(tx, failure);
            throw DefaultGridTransactions.<RuntimeException>sneaky(failure);
        }
        complete(scope);
        return result;
    }

    private TxnScopeImpl newScope(Transaction tx, int timeoutSeconds) {
        String txId = tx instanceof TransactionImple narayana ? narayana.get_uid().stringForm() : tx.toString();
        TxnState state = new TxnState(txId, timeoutSeconds, publisher);
        int gridBranchTimeout = Math.max(gridXaTimeoutSeconds, timeoutSeconds + gridXaTimeoutSeconds - settings.defaultTimeoutSeconds());
        TxnScopeImpl scope = new TxnScopeImpl(tx, state, gridXa, ResourceManagerNames.grid(grid.clusterName()), gridBranchTimeout,
                pools, this::completed);
        try {
            tx.registerSynchronization(scope);
        } catch (RollbackException | SystemException | IllegalStateException e) {
            throw new GridTransactionException("transaction " + txId + " cannot be tracked (it is no longer active): " + e, e);
        }
        scopes.put(tx, scope);
        inFlight.put(txId, state);
        publisher.publish(new TxnEvent.Began(publisher.now(), txId, publisher.node(), List.of(), timeoutSeconds));
        return scope;
    }

    private void complete(TxnScopeImpl scope) {
        Transaction tx = scope.transaction();
        TxnState state = scope.state();
        try {
            if (scope.rollbackRequestedByWork()) {
                scope.rollbackReason(RollbackReason.ROLLBACK_ONLY);
                tm.rollback();
                return;
            }
            tm.commit();
        } catch (RollbackException e) {
            throw new GridTransactionException("transaction " + state.txId() + " rolled back instead of committing: "
                    + rollbackExplanation(scope) + "; resources " + state.resources(), e);
        } catch (HeuristicMixedException e) {
            throw heuristic(state, GridHeuristicException.Outcome.MIXED, e);
        } catch (HeuristicRollbackException e) {
            throw heuristic(state, GridHeuristicException.Outcome.ROLLBACK, e);
        } catch (SystemException | IllegalStateException | SecurityException e) {
            throw new GridTransactionException("transaction " + state.txId() + " could not complete: " + e + "; resources "
                    + state.resources() + (scope.isCompleted() ? "" : " (its outcome is settled by recovery)"), e);
        } finally {
            disassociate(tx);
        }
    }

    private String rollbackExplanation(TxnScopeImpl scope) {
        TxnState state = scope.state();
        if (state.prepareFailed()) {
            return "a resource refused to prepare";
        }
        if (state.timedOut()) {
            return "it ran past its timeout of " + state.timeoutSeconds() + "s";
        }
        return "it was marked rollback-only";
    }

    private GridHeuristicException heuristic(TxnState state, GridHeuristicException.Outcome outcome, Exception cause) {
        String message = "transaction " + state.txId() + " ended with a heuristic " + outcome + " outcome: resources "
                + state.resources() + " may disagree";
        if (state.markHeuristicReported()) {
            LOG.error(message, cause);
            publisher.publish(new TxnEvent.Heuristic(publisher.now(), state.txId(), publisher.node(), state.resources(), outcome, null,
                    message));
        }
        return new GridHeuristicException(outcome, message, cause);
    }

    private void rollbackQuietly(Transaction tx, Throwable failure) {
        try {
            if (isCompletedStatus(tx)) {
                return; // the timeout reaper rolled it back already
            }
            if (tm.getTransaction() == tx) {
                tm.rollback();
            } else {
                tx.rollback();
            }
        } catch (IllegalStateException | SystemException | SecurityException e) {
            if (!isCompletedStatus(tx)) {
                failure.addSuppressed(e);
            }
        } finally {
            disassociate(tx);
        }
    }

    private void disassociate(Transaction tx) {
        try {
            if (tm.getTransaction() == tx) {
                tm.suspend();
            }
        } catch (SystemException e) {
            LOG.warn("cannot disassociate transaction {} from thread {}: {}", tx, Thread.currentThread().getName(), e.toString());
        }
    }

    private void resetTimeout() {
        try {
            tm.setTransactionTimeout(0);
        } catch (SystemException e) {
            LOG.debug("cannot reset the thread's transaction timeout: {}", e.toString());
        }
    }

    private static boolean isCompletedStatus(Transaction tx) {
        try {
            int status = tx.getStatus();
            return status == Status.STATUS_ROLLEDBACK || status == Status.STATUS_COMMITTED || status == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    /** Called by a scope's afterCompletion (on the completing thread: the work's, or the timeout reaper's). */
    private void completed(TxnScopeImpl scope) {
        TxnState state = scope.state();
        scopes.remove(scope.transaction());
        inFlight.remove(state.txId());
        long millis = state.elapsedMillis();
        if (scope.completionStatus() == Status.STATUS_COMMITTED) {
            publisher.publish(new TxnEvent.Committed(publisher.now(), state.txId(), publisher.node(), state.resources(), millis,
                    state.onePhase()));
            return;
        }
        RollbackReason reason = scope.rollbackReason();
        if (reason == null) {
            reason = state.prepareFailed() ? RollbackReason.PREPARE_FAILED : state.timedOut() ? RollbackReason.TIMEOUT : RollbackReason.ROLLED_BACK;
        }
        if (reason == RollbackReason.TIMEOUT) {
            LOG.warn("transaction {} ran past its timeout of {}s and was rolled back; resources {}", state.txId(), state.timeoutSeconds(),
                    state.resources());
            publisher.publish(new TxnEvent.TimedOut(publisher.now(), state.txId(), publisher.node(), state.resources(), millis,
                    state.timeoutSeconds()));
        }
        publisher.publish(new TxnEvent.RolledBack(publisher.now(), state.txId(), publisher.node(), state.resources(), millis, reason));
    }

    private Transaction currentTransaction() {
        try {
            Transaction current = tm.getTransaction();
            if (current == null || current.getStatus() == Status.STATUS_NO_TRANSACTION) {
                return null;
            }
            return current;
        } catch (SystemException e) {
            throw new GridTransactionException("cannot read the current transaction: " + e, e);
        }
    }

    @Override
    public String nodeIdentifier() {
        return settings.nodeIdentifier();
    }

    @Override
    public List<InFlightTransaction> inFlight() {
        List<TxnState> states = new ArrayList<>(inFlight.values());
        states.sort(Comparator.comparingLong(TxnState::startNanos));
        return states.stream().map(TxnState::snapshot).toList();
    }

    @Override
    public List<InDoubtTransaction> inDoubt() {
        return InDoubtLog.read(inFlight.keySet());
    }

    @Override
    public RecoveryReport recoverNow() {
        checkOpen();
        RecoveryManager.manager().scan();
        return reporting.lastReport();
    }

    /** @return the grid this instance enlists */
    public Grid grid() {
        return grid;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("GridTransactions of node " + settings.nodeIdentifier() + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            XARecoveryModule xaRecovery = NarayanaRuntime.xaRecoveryModule();
            recoveryHelpers.forEach(xaRecovery::removeXAResourceRecoveryHelper);
            RecoveryManager.manager().removeModule(reporting, false);
            pools.values().forEach(XaConnectionPool::close);
            for (XAResourceRecoveryHelper helper : recoveryHelpers) {
                if (helper instanceof RecoveryHelpers.DataSourceHelper dataSourceHelper) {
                    dataSourceHelper.close();
                }
            }
        } finally {
            NarayanaRuntime.release();
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> X sneaky(Throwable t) throws X {
        throw (X) t;
    }
}
