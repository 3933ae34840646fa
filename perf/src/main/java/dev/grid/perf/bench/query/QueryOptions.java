package dev.grid.perf.bench.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The settings of {@code grid bench query}, checked ({@link QueryArguments} reads them from the command line).
 *
 * @param entries    {@code --entries}: entries in each map (default 1,000,000)
 * @param members    {@code --members}: grid member JVMs (default 3)
 * @param partitions {@code --partitions}: the cluster's partition count (default 271, Hazelcast's)
 * @param categories {@code --categories}: distinct categories (default 100)
 * @param warmup     {@code --warmup}: calls before each measured run, not counted
 * @param duration   {@code --duration}: measured time of each run (at least one call)
 * @param serverHeap {@code --server-heap}: -Xms/-Xmx of each member JVM
 * @param seed       {@code --seed}: the data and the query parameters
 * @param out        {@code --out DIR}
 * @param operations {@code --operations}: what is measured (default every operation), in {@link QueryOperation}'s order
 */
public record QueryOptions(int entries, int members, int partitions, int categories, Duration warmup, Duration duration, String serverHeap,
                           long seed, Path out, Set<QueryOperation> operations) {
    public QueryOptions {
        operations = Set.copyOf(operations);
    }

    /** @return whether {@code --operations} selected the operation */
    boolean measures(QueryOperation operation) {
        return operations.contains(operation);
    }
}
