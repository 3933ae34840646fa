package dev.grid.core.impl.map;

import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.impl.map.query.MemberIndexQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers a query for the partitions this member owns from the member's indexes, on the calling thread, without a task
 * on any partition thread ({@link MemberIndexQuery}). Like Hazelcast's global indexes, it checks ownership at the start
 * and that no migration of this member started or ended meanwhile ({@link MigrationStamp}); if one did, the whole read
 * is dropped and the partitions are read on their threads ({@link OwnedPartitionReads}), which check ownership
 * partition by partition.
 */
public final class OwnedIndexReads {
    private OwnedIndexReads() {
    }

    /**
     * What the read gave.
     *
     * @param answered the member indexes' answer for the partitions it read
     * @param unread   partitions this member owns that the indexes could not answer (changed meanwhile): read on their threads
     * @param notOwned partitions this member did not own, or that were migrating, at the start: for their owners
     */
    public record Outcome(MemberIndexQuery.Outcome answered, List<Integer> unread, List<Integer> notOwned) {
    }

    /** @return the outcome, or null if a migration of this member was under way or happened during the read */
    public static Outcome run(NodeEngine engine, GridMapService service, MapContainer container, MemberIndexQuery query,
                              int[] partitions) {
        MigrationStamp migrations = service.migrations();
        long stamp = migrations.quiet();
        if (stamp < 0 || !engine.isRunning()) {
            return null;
        }
        IPartitionService partitionService = engine.getPartitionService();
        List<Integer> notOwned = new ArrayList<>();
        int[] owned = new int[partitions.length];
        int count = 0;
        for (int p : partitions) {
            IPartition partition = partitionService.getPartition(p, false);
            if (!partition.isLocal() || partition.isMigrating()) {
                notOwned.add(p);
            } else {
                owned[count++] = p;
            }
        }
        int[] read = Arrays.copyOf(owned, count);
        MemberIndexQuery.Outcome answered = query.run(read, container::storeOrNull);
        if (!migrations.unchangedSince(stamp)) {
            return null;
        }
        return new Outcome(answered, answered.unread(), notOwned);
    }
}
