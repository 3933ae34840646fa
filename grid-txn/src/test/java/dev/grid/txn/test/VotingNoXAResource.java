package dev.grid.txn.test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.concurrent.atomic.AtomicInteger;

/** A resource that votes rollback when asked to prepare, as a database does on a deferred constraint violation. */
public final class VotingNoXAResource implements XAResource {
    public final AtomicInteger prepares = new AtomicInteger();
    public final AtomicInteger rollbacks = new AtomicInteger();

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        prepares.incrementAndGet();
        throw new XAException(XAException.XA_RBINTEGRITY);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        throw new XAException(XAException.XAER_PROTO);
    }

    @Override
    public void rollback(Xid xid) {
        rollbacks.incrementAndGet();
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
