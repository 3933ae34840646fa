package dev.grid.server.impl;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.partition.ReplicaMigrationEvent;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the operator of a {@code grid start} member when the cluster's data is fully redundant
 * again: after a member joins or leaves and after migrations, it checks every
 * {@value #CHECK_MILLIS} ms until every partition's replicas are in sync and no migration runs, then
 * prints one {@value #SAFE} line (and one {@value #UNSAFE} line when a change starts). A member may
 * be stopped or lost without losing data only after a {@value #SAFE} line; tools such as
 * {@code grid chaos} wait for it.
 */
final class PartitionSafetyReporter implements MembershipListener, MigrationListener, AutoCloseable {
    /** The start of the line printed once the cluster is safe again. */
    static final String SAFE = "partitions safe:";
    /** The start of the line printed when a membership change or migration begins. */
    static final String UNSAFE = "partitions not safe:";
    private static final long CHECK_MILLIS = 250;

    private final HazelcastInstance hazelcast;
    private final PrintStream out;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "grid-partition-safety");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean migrating;
    private boolean reportedSafe;
    private boolean checkScheduled;

    private PartitionSafetyReporter(HazelcastInstance hazelcast, PrintStream out) {
        this.hazelcast = hazelcast;
        this.out = out;
    }

    /** Starts reporting, with a first check at once (a member that just joined reports when it is safe). */
    static PartitionSafetyReporter start(HazelcastInstance hazelcast, PrintStream out) {
        PartitionSafetyReporter reporter = new PartitionSafetyReporter(hazelcast, out);
        hazelcast.getCluster().addMembershipListener(reporter);
        hazelcast.getPartitionService().addMigrationListener(reporter);
        reporter.changed("starting");
        return reporter;
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        changed("member " + event.getMember().getAddress() + " joined");
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        changed("member " + event.getMember().getAddress() + " left");
    }

    @Override
    public void migrationStarted(MigrationState state) {
        migrating = true;
        changed("migrating " + state.getPlannedMigrations() + " partition replicas");
    }

    @Override
    public void migrationFinished(MigrationState state) {
        migrating = false;
        changed("migrations finished");
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    }

    private synchronized void changed(String why) {
        if (reportedSafe) {
            reportedSafe = false;
            out.println(UNSAFE + " " + why);
        }
        if (!checkScheduled) {
            checkScheduled = true;
            checker.schedule(this::check, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        boolean safe;
        try {
            PartitionService partitions = hazelcast.getPartitionService();
            safe = !migrating && partitions.isClusterSafe();
        } catch (RuntimeException stopping) {
            safe = false;
        }
        synchronized (this) {
            if (safe) {
                checkScheduled = false;
                if (!reportedSafe) {
                    reportedSafe = true;
                    out.println(SAFE + " every partition's replicas are in sync across "
                            + hazelcast.getCluster().getMembers().size() + " members");
                }
            } else if (hazelcast.getLifecycleService().isRunning()) {
                checker.schedule(this::check, CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                checkScheduled = false;
            }
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
