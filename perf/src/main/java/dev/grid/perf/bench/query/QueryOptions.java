package dev.grid.perf.bench.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings of {@code grid bench query}, checked ({@link QueryArguments} reads them from the command line).
 *
 * @param entries    {@code --entries}: entries in each map (default 1,000,000)
 * @param members    {@code --members}: grid member JVMs (default 3)
 * @param partitions {@code --partitions}: the cluster's partition count (default 271, Hazelcast's)
 * @param categories {@code --categories}: distinct categories (default 100)
 * @param warmup     {@code --warmup}: calls before each measured run, not counted
 * @param settle     {@code --settle}: before any run is measured, every selected map operation on both maps in turn for
 *                   this long, not counted, so that the run measured first does not carry the cluster's settling alone
 * @param duration   {@code --duration}: measured time of each run (at least one call)
 * @param serverHeap {@code --server-heap}: -Xms/-Xmx of each member JVM
 * @param seed       {@code --seed}: the data and the query parameters
 * @param operations {@code --operations}: what to measure, in their run order (default every one)
 * @param out        {@code --out DIR}
 */
public record QueryOptions(int entries, int members, int partitions, int categories, Duration warmup, Duration settle, Duration duration, String serverHeap,
                           long seed, List<QueryOperation> operations, Path out) {
}
