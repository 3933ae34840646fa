package dev.grid.txn.impl;

import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.InFlightTransaction;
import dev.grid.txn.TxnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One live transaction of this JVM: its resources, phase and timings, and the events its branches cause.
 */
final class TxnState implements BranchObserver {
    private static final Logger LOG = LoggerFactory.getLogger(TxnState.class);

    private final String txId;
    private final Instant started;
    private final long startNanos = System.nanoTime();
    private final List<String> resources = new CopyOnWriteArrayList<>();
    private final TxnEventPublisher publisher;
    private final int timeoutSeconds;
    private volatile InFlightTransaction.Status status = InFlightTransaction.Status.ACTIVE;
    private int votes;
    private long prepareStartNanos;
    private volatile boolean onePhase;
    private volatile boolean prepareFailed;
    private volatile boolean heuristicReported;
    private final java.util.Set<String> prepareFailedResources = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> failedCompletions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TxnState(String txId, int timeoutSeconds, TxnEventPublisher publisher) {
        this.txId = txId;
        this.timeoutSeconds = timeoutSeconds;
        this.publisher = publisher;
        this.started = Instant.ofEpochMilli(publisher.now());
    }

    String txId() {
        return txId;
    }

    long startNanos() {
        return startNanos;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * @return whether the transaction has run for at least its timeout: on the system clock, because Narayana's
     *         reaper, which decides the timeout, runs on it (grid-txn only tells why afterwards)
     */
    boolean timedOut() {
        return elapsedMillis() >= TimeUnit.SECONDS.toMillis(timeoutSeconds);
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    List<String> resources() {
        return List.copyOf(resources);
    }

    boolean onePhase() {
        return onePhase;
    }

    boolean prepareFailed() {
        return prepareFailed;
    }

    boolean markHeuristicReported() {
        boolean first = !heuristicReported;
        heuristicReported = true;
        return first;
    }

    void status(InFlightTransaction.Status newStatus) {
        this.status = newStatus;
    }

    InFlightTransaction snapshot() {
        return new InFlightTransaction(txId, started, resources(), status);
    }

    void enlisted(String resource) {
        resources.add(resource);
        publisher.publish(new TxnEvent.Enlisted(publisher.now(), txId, publisher.node(), resources(), resource));
    }

    @Override
    public synchronized void preparing(String resource) {
        if (votes == 0 && status == InFlightTransaction.Status.ACTIVE) {
            prepareStartNanos = System.nanoTime();
            status = InFlightTransaction.Status.PREPARING;
        }
    }

    @Override
    public synchronized void prepared(String resource, int vote) {
        votes++;
        if (votes == resources.size()) {
            status = InFlightTransaction.Status.COMMITTING;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - prepareStartNanos);
            publisher.publish(new TxnEvent.Prepared(publisher.now(), txId, publisher.node(), resources(), millis));
        }
    }

    @Override
    public void prepareFailed(String resource, XAException failure) {
        prepareFailed = true;
        prepareFailedResources.add(resource);
        status = InFlightTransaction.Status.ROLLING_BACK;
        LOG.warn("transaction {}: {} refused to prepare ({}); rolling back", txId, resource, XaErrors.describe(failure));
    }

    @Override
    public void completed(String resource, Xid xid, boolean committed, boolean onePhaseCommit) {
        if (onePhaseCommit) {
            onePhase = true;
        }
    }

    /** @return whether the resource's branch did not fail to commit or roll back */
    boolean completedNormally(String resource) {
        return !failedCompletions.contains(resource) && !prepareFailedResources.contains(resource);
    }

    @Override
    public void completionFailed(String resource, Xid xid, boolean commit, XAException failure) {
        failedCompletions.add(resource);
        boolean rolledBackInsteadOfCommit = commit && failure.errorCode >= XAException.XA_RBBASE && failure.errorCode <= XAException.XA_RBEND;
        if ((XaErrors.isHeuristic(failure.errorCode) || rolledBackInsteadOfCommit) && markHeuristicReported()) {
            GridHeuristicException.Outcome outcome = rolledBackInsteadOfCommit ? GridHeuristicException.Outcome.ROLLBACK
                    : XaErrors.heuristicOutcome(failure.errorCode);
            LOG.error("transaction {}: heuristic outcome {} at {} while {}: {}", txId, outcome, resource,
                    commit ? "committing" : "rolling back", XaErrors.describe(failure));
            publisher.publish(new TxnEvent.Heuristic(publisher.now(), txId, publisher.node(), resources(), outcome, resource,
                    "transaction " + txId + ": heuristic " + outcome + " at " + resource));
        } else if (!XaErrors.isHeuristic(failure.errorCode) && !rolledBackInsteadOfCommit) {
            LOG.warn("transaction {}: {} failed to {} its branch: {}", txId, resource, commit ? "commit" : "roll back",
                    XaErrors.describe(failure));
        }
    }
}
