package dev.grid.txn.impl;

import org.jboss.tm.XAResourceWrapper;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Wraps every XA resource grid enlists or hands to recovery: reports prepare votes and completions to a
 * {@link BranchObserver}, and keeps a resource's transaction timeout at or above a floor (the grid's branch must
 * outlive the worst commit delay, see docs/transactions.md). Not serializable: Narayana then finds the resource
 * again through the recovery helpers, by Xid (see {@link DurableObservedXAResource} for resources that travel in
 * the log).
 *
 * <p>It names its resource manager ({@link XAResourceWrapper#getJndiName()}, see {@link ResourceManagerNames}) when
 * recovery has a helper for it (the grid, data sources): Narayana records the name with each branch, and when
 * recovery reached that resource manager and it no longer lists a branch of a logged transaction, the branch is
 * known to be completed (the JVM died after that resource committed, before the others did). Without the name
 * Narayana would wait for the branch for ever and keep the transaction in doubt.
 */
class ObservedXAResource implements XAResourceWrapper {
    private String name;
    private XAResource delegate;
    private BranchObserver observer;
    private int timeoutFloorSeconds;
    private String resourceManager;

    /**
     * @param resourceManager the resource manager's name, the same in every JVM (null when recovery cannot reach
     *                        the resource through a helper)
     */
    ObservedXAResource(String name, XAResource delegate, BranchObserver observer, int timeoutFloorSeconds, String resourceManager) {
        this.name = name;
        this.delegate = delegate;
        this.observer = observer;
        this.timeoutFloorSeconds = timeoutFloorSeconds;
        this.resourceManager = resourceManager;
    }

    /** For deserialization of {@link DurableObservedXAResource}. */
    protected ObservedXAResource() {
    }

    protected final void restore(String restoredName, XAResource restoredDelegate) {
        this.name = restoredName;
        this.delegate = restoredDelegate;
        this.observer = NoObserver.INSTANCE;
    }

    String name() {
        return name;
    }

    XAResource delegate() {
        return delegate;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        delegate.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        observer.preparing(name);
        int vote;
        try {
            vote = delegate.prepare(xid);
        } catch (XAException e) {
            observer.prepareFailed(name, e);
            throw e;
        } catch (RuntimeException e) {
            XAException xa = unwrapOrRethrow(e);
            observer.prepareFailed(name, xa);
            throw xa;
        }
        observer.prepared(name, vote);
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        try {
            delegate.commit(xid, onePhase);
        } catch (XAException e) {
            observer.completionFailed(name, xid, true, e);
            throw e;
        } catch (RuntimeException e) {
            XAException xa = unwrapOrRethrow(e);
            observer.completionFailed(name, xid, true, xa);
            throw xa;
        }
        observer.completed(name, xid, true, onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            delegate.rollback(xid);
        } catch (XAException e) {
            observer.completionFailed(name, xid, false, e);
            throw e;
        } catch (RuntimeException e) {
            XAException xa = unwrapOrRethrow(e);
            observer.completionFailed(name, xid, false, xa);
            throw xa;
        }
        observer.completed(name, xid, false, false);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        try {
            return delegate.recover(flag);
        } catch (RuntimeException e) {
            throw unwrapOrRethrow(e);
        }
    }

    private static XAException unwrapOrRethrow(RuntimeException e) {
        XAException xa = XaErrors.unwrap(e);
        if (xa == null) {
            throw e;
        }
        return xa;
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        XAResource unwrapped = other instanceof ObservedXAResource observed ? observed.delegate : other;
        return delegate.isSameRM(unwrapped);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (timeoutFloorSeconds > 0) {
            return delegate.setTransactionTimeout(Math.max(seconds, timeoutFloorSeconds));
        }
        return delegate.setTransactionTimeout(seconds);
    }

    @Override
    public XAResource getResource() {
        return delegate;
    }

    @Override
    public String getProductName() {
        return "grid-txn:" + name;
    }

    @Override
    public String getProductVersion() {
        return "1";
    }

    @Override
    public String getJndiName() {
        return resourceManager;
    }

    @Override
    public String toString() {
        return "ObservedXAResource{" + name + (resourceManager == null ? "" : " (" + resourceManager + ")") + ": " + delegate + '}';
    }

    /** Observes nothing: for resources revived from the transaction log. */
    enum NoObserver implements BranchObserver {
        INSTANCE;

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
        public void completed(String resource, Xid xid, boolean committed, boolean onePhase) {
        }

        @Override
        public void completionFailed(String resource, Xid xid, boolean commit, XAException failure) {
        }
    }
}
