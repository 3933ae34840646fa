package dev.grid.txn.impl;

import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * Told what happens to the branches of one resource: a live transaction's state, or recovery's tally.
 */
interface BranchObserver {

    /** The resource is about to be asked to prepare. */
    void preparing(String resource);

    /** The resource voted ({@code XA_OK} or {@code XA_RDONLY}). */
    void prepared(String resource, int vote);

    /** The resource refused to prepare (it rolled back its branch). */
    void prepareFailed(String resource, XAException failure);

    /** The resource completed its branch. */
    void completed(String resource, Xid xid, boolean committed, boolean onePhase);

    /** The resource reported a heuristic outcome (or refused to complete). */
    void completionFailed(String resource, Xid xid, boolean commit, XAException failure);
}
