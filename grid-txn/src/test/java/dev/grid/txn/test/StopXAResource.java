package dev.grid.txn.test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import java.util.concurrent.locks.LockSupport;

/**
 * An XA resource that stops its thread at one phase of two-phase commit: it prints {@code AT <point> <key>} and
 * blocks for good, so the test sees where the transaction manager stands and kills its JVM ({@code kill -9}).
 * It is serializable, so Narayana keeps it in the transaction log; revived by recovery in another JVM it is
 * disarmed and simply commits or rolls back.
 */
public final class StopXAResource extends TestXAResource {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Where to stop. */
    public enum Phase {
        /** when asked to prepare: resources that joined before it are prepared, the others not; nothing logged */
        PREPARE,
        /** when asked to commit: every resource prepared and the decision logged; those before it committed */
        COMMIT
    }

    private final CrashPoint point;
    private final String key;
    private transient boolean armed = true;

    public StopXAResource(CrashPoint point, String key) {
        this.point = point;
        this.key = key;
    }

    private void maybeStop(Phase phase) {
        if (armed && point.phase() == phase) {
            System.out.println("AT " + point + " " + key);
            System.out.flush();
            while (true) { // until SIGKILL; interrupts (Narayana's reaper) change nothing
                LockSupport.parkNanos(1_000_000_000L);
            }
        }
    }



    @Override
    public int prepare(Xid xid) {
        maybeStop(Phase.PREPARE);
        return XA_OK; // not XA_RDONLY: Narayana must call commit
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        maybeStop(Phase.COMMIT);
    }






}
