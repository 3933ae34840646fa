package dev.grid.txn.test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import java.io.Serializable;

/**
 * An XA resource that halts the JVM (as SIGKILL would: no shutdown hooks, nothing flushed) at a chosen point of
 * two-phase commit. Narayana has no such hook, so the crash tests enlist one. It is serializable, so Narayana
 * keeps it in the transaction log; revived by recovery in another JVM it is disarmed and simply commits.
 */
public final class CrashPoint implements XAResource, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Where to halt. */
    public enum When {
        /** When asked to prepare: resources enlisted before it are prepared, the others not; nothing is logged. */
        PREPARE,
        /** When asked to commit (enlist it first): every resource prepared and the decision logged, none committed. */
        COMMIT
    }

    private final When when;
    private transient boolean armed = true;

    public CrashPoint(When when) {
        this.when = when;
    }

    private void maybeHalt(When point) {
        if (armed && when == point) {
            System.out.println("HALTING at " + point);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) {
        maybeHalt(When.PREPARE);
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        maybeHalt(When.COMMIT);
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
