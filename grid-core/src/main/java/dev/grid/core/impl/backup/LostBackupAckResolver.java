package dev.grid.core.impl.backup;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends the wait of writes whose backup acknowledgement a departed member owed. Hazelcast waits for
 * a missing acknowledgement until its backup timeout (5 s by default), whoever owed it; with grid's
 * {@code fail.on.indeterminate.state} on, the write then fails. After a member leaves, an
 * acknowledgement still missing {@link #GRACE_MILLIS} after the owner answered is almost surely
 * owed by the member that left: from that moment until the backup timeout has passed, every
 * {@value #CHECK_MILLIS} ms, this fails such writes at once (they become indeterminate, never
 * successes; grid retries the idempotent ones). A live but slow backup may see its write reported
 * indeterminate too: that costs a retry, never a lost write.
 */
public abstract class LostBackupAckResolver implements MembershipListener, AutoCloseable {
    /** How long a live member may take to acknowledge a backup before the wait is ended after a member left. */
    public static final long GRACE_MILLIS = 250;
    private static final long CHECK_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LostBackupAckResolver.class);

    private final String instanceName;
    private final long windowMillis;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> checks;
    private long windowEndNanos;
    private long resolvedInWindow;

    /**
     * @param instanceName  the member or client, for thread names and the log
     * @param windowMillis  how long after a member left to keep checking (the backup timeout)
     */
    protected LostBackupAckResolver(String instanceName, long windowMillis) {
        this.instanceName = instanceName;
        this.windowMillis = windowMillis;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grid-lost-backup-acks-" + instanceName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Says that writes whose backups did not confirm them will be reported as successes. */
    protected static void warnUnsafe(String instanceName, String property) {
        LOG.warn("{}: {} is false: a write whose synchronous backups did not confirm it is reported as a success after the "
                + "backup timeout, and such a write is lost if its owner dies (see docs/gridmap.md, Acknowledged means kept)",
                instanceName, property);
    }

    /** Starts listening to the instance's membership, until the instance shuts down. */
    protected final void listenTo(HazelcastInstance hazelcast) {
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                close();
            }
        });
        hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public final void memberAdded(MembershipEvent event) {
    }

    @Override
    public final synchronized void memberRemoved(MembershipEvent event) {
        windowEndNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        if (checks == null && !scheduler.isShutdown()) {
            resolvedInWindow = 0;
            checks = scheduler.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        int resolved;
        try {
            resolved = resolve(GRACE_MILLIS);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not check for writes waiting on a departed member's backup acknowledgement: {}", instanceName, e.toString());
            resolved = 0;
        }
        synchronized (this) {
            resolvedInWindow += resolved;
            if (System.nanoTime() - windowEndNanos > 0) {
                checks.cancel(false);
                checks = null;
                if (resolvedInWindow > 0) {
                    LOG.info("{}: {} writes waited for a backup acknowledgement that a departed member owed; they were reported "
                            + "indeterminate (never successes) instead of waiting for the backup timeout", instanceName, resolvedInWindow);
                }
            }
        }
    }

    /**
     * Fails every pending write whose owner answered more than {@code graceMillis} ago and whose
     * backups have not all acknowledged it.
     *
     * @return how many writes it failed
     */
    protected abstract int resolve(long graceMillis);

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
