package dev.grid.txn.test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import java.util.concurrent.atomic.AtomicInteger;

/** A resource that votes rollback when asked to prepare, as a database does on a deferred constraint violation. */
public final class VotingNoXAResource extends TestXAResource {
    @Serial
    private static final long serialVersionUID = 1L;

    public final AtomicInteger prepares = new AtomicInteger();
    public final AtomicInteger rollbacks = new AtomicInteger();



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





}
