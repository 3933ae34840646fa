package dev.grid.txn.test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import java.io.Serializable;

/**
 * An XA resource that holds no data: it votes yes at prepare and does nothing otherwise. Tests extend
 * it and override the one phase they care about (stop there, fail there, run an action there).
 * Serializable, so Narayana can keep a subclass in its transaction log.
 */
public abstract class TestXAResource implements XAResource, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return XA_OK; // not XA_RDONLY: the transaction manager must call commit
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
    }

    @Override
    public void rollback(Xid xid) {
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
