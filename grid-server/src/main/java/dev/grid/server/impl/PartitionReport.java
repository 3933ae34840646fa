package dev.grid.server.impl;

import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;

import java.util.Map;

/** Prints a partition distribution as a table with a bar per member. */
final class PartitionReport {
    private static final int BAR_WIDTH = 40;

    private PartitionReport() {
    }

    static String format(PartitionDistribution distribution, String indent) {
        StringBuilder text = new StringBuilder();
        int max = Math.max(1, distribution.max());
        for (Map.Entry<GridMember, Integer> entry : distribution.ownedCounts().entrySet()) {
            int owned = entry.getValue();
            double share = distribution.partitionCount() == 0 ? 0 : 100.0 * owned / distribution.partitionCount();
            text.append(String.format("%s%-22s %6d  %5.1f%%  %s%n", indent, entry.getKey().address()
                            + (entry.getKey().local() ? "*" : ""), owned, share, "#".repeat(owned * BAR_WIDTH / max)));
        }
        text.append(String.format("%s%d partitions on %d members: min %d, max %d, ideal %.1f (max/ideal %.3f)",
                indent, distribution.partitionCount(), distribution.ownedCounts().size(), distribution.min(),
                distribution.max(), distribution.ideal(), distribution.ideal() == 0 ? 0 : distribution.max() / distribution.ideal()));
        if (distribution.unassigned() > 0) {
            text.append(", ").append(distribution.unassigned()).append(" without an owner yet");
        }
        return text.append(System.lineSeparator()).toString();
    }
}
