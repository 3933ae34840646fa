package dev.grid.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many partitions each member owns, at one moment.
 *
 * @param partitionCount the cluster's partition count
 * @param ownedCounts    owned partitions per member, every current member listed (oldest first),
 *                       members owning nothing with 0
 * @since 0.1
 */
public record PartitionDistribution(int partitionCount, Map<GridMember, Integer> ownedCounts) {

    public PartitionDistribution {
        ownedCounts = Collections.unmodifiableMap(new LinkedHashMap<>(ownedCounts));
    }

    /** @return the fewest partitions any member owns (0 when there are no members) */
    public int min() {
        return ownedCounts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** @return the most partitions any member owns (0 when there are no members) */
    public int max() {
        return ownedCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** @return partitionCount divided by the number of members: what a perfect balance gives each */
    public double ideal() {
        return ownedCounts.isEmpty() ? 0 : (double) partitionCount / ownedCounts.size();
    }

    /** @return partitions with no owner yet (before the first assignment, or while the table is in flux) */
    public int unassigned() {
        return partitionCount - ownedCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
