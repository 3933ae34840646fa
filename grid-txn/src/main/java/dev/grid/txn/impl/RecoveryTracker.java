package dev.grid.txn.impl;

import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.TxnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Observes the branches recovery completes (through the resources the recovery helpers hand to Narayana) and
 * drains them into one report per scan. Heuristic outcomes are logged at ERROR and published at once.
 */
final class RecoveryTracker implements BranchObserver {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryTracker.class);
    private final TxnEventPublisher publisher;
    private final Set<String> committed = new LinkedHashSet<>();
    private final Set<String> rolledBack = new LinkedHashSet<>();
    private final Set<String> resources = new LinkedHashSet<>();

    RecoveryTracker(TxnEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void preparing(String resource) {
    }

    @Override
    public void prepared(String resource, int vote) {
    }

    @Override
    public void prepareFailed(String resource, XAException failure) {
    }

    @Override
    public synchronized void completed(String resource, Xid xid, boolean wasCommitted, boolean onePhase) {
        String txId = TxIds.of(xid);
        (wasCommitted ? committed : rolledBack).add(txId);
        resources.add(resource);
        LOG.info("recovery {} the branch of transaction {} at {}", wasCommitted ? "committed" : "rolled back", txId, resource);
    }

    @Override
    public void completionFailed(String resource, Xid xid, boolean commit, XAException failure) {
        String txId = TxIds.of(xid);
        if (XaErrors.isHeuristic(failure.errorCode)) {
            GridHeuristicException.Outcome outcome = XaErrors.heuristicOutcome(failure.errorCode);
            LOG.error("recovery: heuristic outcome {} for transaction {} at {} while {}: {}", outcome, txId, resource,
                    commit ? "committing" : "rolling back", XaErrors.describe(failure));
            publisher.publish(new TxnEvent.Heuristic(publisher.now(), txId, publisher.node(), List.of(resource), outcome, resource,
                    "recovery: transaction " + txId + " heuristic " + outcome + " at " + resource));
        } else if (failure.errorCode == XAException.XA_RBTIMEOUT && commit) {
            LOG.error("recovery: {} refused to commit transaction {}: its branch timed out (XA_RBTIMEOUT) before recovery reached "
                    + "it; raise txn.gridXaTimeout. {}", resource, txId, XaErrors.describe(failure));
            publisher.publish(new TxnEvent.Heuristic(publisher.now(), txId, publisher.node(), List.of(resource),
                    GridHeuristicException.Outcome.ROLLBACK, resource, "recovery: transaction " + txId + " branch at " + resource
                    + " timed out before commit"));
        } else {
            LOG.warn("recovery: {} could not {} the branch of transaction {}: {} (retried next scan)", resource,
                    commit ? "commit" : "roll back", txId, XaErrors.describe(failure));
        }
    }

    /** @return what was completed since the last drain: committed ids, rolled back ids, resources */
    synchronized List<List<String>> drain() {
        List<List<String>> result = List.of(new ArrayList<>(committed), new ArrayList<>(rolledBack), new ArrayList<>(resources));
        committed.clear();
        rolledBack.clear();
        resources.clear();
        return result;
    }
}
