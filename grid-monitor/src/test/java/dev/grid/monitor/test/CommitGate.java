package dev.grid.monitor.test;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import dev.grid.txn.test.TestXAResource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An XA resource whose commit blocks: enlisted first, it holds a transaction after every resource
 * prepared and the commit decision was logged, before any resource committed, so the transaction
 * stays in doubt until the JVM is killed and another transaction manager recovers it. It is
 * serializable, so Narayana keeps it in the transaction log; revived by recovery in another JVM it is
 * disarmed and commits at once. A blocked commit gives up after {@link #MAX_BLOCK_SECONDS} seconds by halting the JVM.
 */
public final class CommitGate extends TestXAResource {
    /** The longest a commit blocks before the JVM halts (a test that forgot to kill it). */
    public static final long MAX_BLOCK_SECONDS = 180;
    @Serial
    private static final long serialVersionUID = 1L;
    private static final CountDownLatch BLOCKED = new CountDownLatch(1);

    private transient boolean armed = true;

    /** Waits until a commit of an armed gate blocks in this JVM. */
    public static boolean awaitBlocked(long timeout, TimeUnit unit) throws InterruptedException {
        return BLOCKED.await(timeout, unit);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        if (!armed) {
            return;
        }
        BLOCKED.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_BLOCK_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                new CountDownLatch(1).await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ignored) {
                // Narayana's reaper may interrupt a late commit: keep blocking, the test kills this JVM
            }
        }
        System.out.println("COMMIT GATE: not killed within " + MAX_BLOCK_SECONDS + " s, halting");
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }









}
