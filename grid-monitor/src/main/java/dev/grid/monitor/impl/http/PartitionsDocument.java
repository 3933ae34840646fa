package dev.grid.monitor.impl.http;

import dev.grid.core.PartitionDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/partitions}: the partition balance and migrations.
 *
 * @param partitionCount       the cluster's partition count
 * @param ideal                partitions per member in a perfect balance
 * @param min                  the fewest any member owns
 * @param max                  the most any member owns
 * @param unassigned           partitions without owner
 * @param members              what each member owns, oldest first
 * @param migrationsInProgress migrations planned and not done
 * @param migrationsCompleted  replica migrations completed
 */
record PartitionsDocument(int partitionCount, double ideal, int min, int max, int unassigned, List<Owner> members, int migrationsInProgress,
                          long migrationsCompleted) {

    static PartitionsDocument of(MonitorState state) {
        PartitionDistribution distribution = state.distribution();
        List<Owner> owners = new ArrayList<>();
        distribution.ownedCounts().forEach((member, owned) -> owners.add(new Owner(member.address(), member.id().toString(), owned)));
        return new PartitionsDocument(distribution.partitionCount(), distribution.ideal(), distribution.min(), distribution.max(),
                distribution.unassigned(), owners, state.migrationsInProgress(), state.migrationsCompleted());
    }

    /** A member and the partitions it owns. */
    record Owner(String address, String id, int owned) {
    }
}
