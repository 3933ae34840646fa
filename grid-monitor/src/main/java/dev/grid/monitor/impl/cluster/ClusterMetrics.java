package dev.grid.monitor.impl.cluster;

import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import dev.grid.core.Grid;
import dev.grid.core.GridMember;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cluster as this member sees it: members (and how many are missing against the expected
 * size), partitions owned per member, migrations, and the member's off-heap budget use.
 */
public final class ClusterMetrics implements MetricsSource, MigrationListener {
    private final Grid grid;
    private final int expectedMembers;
    private final MemberMaps maps;
    private final LongAdder migrationsCompleted = new LongAdder();
    private final LongAdder migrationsFailed = new LongAdder();
    private volatile int migrationsInProgress;
    private volatile int peakMembers;
    private final UUID registration;

    public ClusterMetrics(Grid grid, int expectedMembers) {
        this.grid = grid;
        this.expectedMembers = expectedMembers;
        this.maps = MemberContext.of(grid).maps();
        this.peakMembers = grid.members().size();
        this.registration = grid.hazelcast().getPartitionService().addMigrationListener(this);
    }

    /** @return the members the member-left rule expects: the configured size, else the most seen */
    public int expectedMembers() {
        return expectedMembers > 0 ? expectedMembers : peakMembers;
    }

    public int migrationsInProgress() {
        return migrationsInProgress;
    }

    public long migrationsCompleted() {
        return migrationsCompleted.sum();
    }

    @Override
    public void collectInto(MetricsCollector c) {
        Map<String, String> none = Map.of();
        int members = grid.members().size();
        if (members > peakMembers) {
            peakMembers = members;
        }
        c.gauge("grid_cluster_members", "members in the cluster, as this member sees it", none, members);
        c.gauge("grid_cluster_members_missing", "members missing against grid.monitor.expectedMembers (or the most seen)", none,
                Math.max(0, expectedMembers() - members));
        PartitionDistribution distribution = grid.partitions().distribution();
        c.gauge("grid_cluster_partitions", "partitions of the cluster (grid.partitionCount)", none, distribution.partitionCount());
        c.gauge("grid_cluster_partitions_unassigned", "partitions without an owner right now", none, distribution.unassigned());
        for (Map.Entry<GridMember, Integer> owned : distribution.ownedCounts().entrySet()) {
            c.gauge("grid_cluster_partitions_owned", "partitions each member owns", Map.of("member", owned.getKey().address()), owned.getValue());
        }
        c.gauge("grid_cluster_migrations_in_progress", "partition migrations planned and not yet done", none, migrationsInProgress);
        c.counter("grid_cluster_migrations_completed_total", "partition replica migrations completed", none, migrationsCompleted.sum());
        c.counter("grid_cluster_migrations_failed_total", "partition replica migrations that failed", none, migrationsFailed.sum());
        long budget = maps.offHeapBudget();
        c.gauge("grid_offheap_budget_used_ratio", "off-heap bytes reserved over grid.offHeapBudget (0 without a budget)", none,
                budget > 0 ? (double) maps.offHeapReserved() / budget : 0);
    }

    @Override
    public void migrationStarted(MigrationState state) {
        migrationsInProgress = state.getRemainingMigrations();
    }

    @Override
    public void migrationFinished(MigrationState state) {
        migrationsInProgress = 0;
    }

    @Override
    public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
        migrationsCompleted.increment();
        migrationsInProgress = event.getMigrationState().getRemainingMigrations();
    }

    @Override
    public void replicaMigrationFailed(ReplicaMigrationEvent event) {
        migrationsFailed.increment();
        migrationsInProgress = event.getMigrationState().getRemainingMigrations();
    }

    public void close() {
        try {
            grid.hazelcast().getPartitionService().removeMigrationListener(registration);
        } catch (RuntimeException memberGone) {
            // the member is shutting down: the listener goes with it
        }
    }
}
