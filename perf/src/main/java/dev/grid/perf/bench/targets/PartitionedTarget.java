package dev.grid.perf.bench.targets;

import dev.grid.core.GridPartitions;
import dev.grid.perf.bench.targets.impl.PartitionScans;

/**
 * What {@link GridMapTarget} and {@link IMapTarget} share: a map the grid partitions, whose scan reads up to
 * {@code count} records of the partition that holds the start key ({@link PartitionScans}).
 */
abstract class PartitionedTarget implements BenchTarget {
    private final GridPartitions partitions;
    private final PartitionScans.Scan scan;

    PartitionedTarget(GridPartitions partitions, PartitionScans.Scan scan) {
        this.partitions = partitions;
        this.scan = scan;
    }

    @Override
    public final int scan(String startKey, int count) {
        return scan.scan(partitions.partitionOf(startKey), count);
    }

    @Override
    public final String scanSupport() {
        return null;
    }
}
