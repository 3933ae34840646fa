package dev.grid.perf.bench.stream;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of {@code grid bench stream}, checked ({@link StreamArguments} reads them from the command line).
 *
 * @param records          {@code --records}: events appended to each system in the throughput runs
 * @param rate             {@code --rate}: events/s of the latency runs; 0: half the slower system's measured throughput
 * @param warmup           {@code --warmup}: latency runs' first part, not counted
 * @param duration         {@code --duration}: latency runs' measured time
 * @param products         {@code --products}: distinct keys (products) of the events
 * @param members          {@code --members}: grid member JVMs
 * @param partitions       {@code --partitions}: the cluster's partition count (the IMap journal's partitions)
 * @param logPartitions    {@code --log-partitions}: partitions of the grid-log topics
 * @param snapshotInterval {@code --snapshot-interval}: the jobs' Jet snapshot interval (EXACTLY_ONCE)
 * @param serverHeap       {@code --server-heap}: -Xms/-Xmx of each member JVM
 * @param seed             {@code --seed}: products and amounts of the events
 * @param out              {@code --out DIR}
 */
public record StreamOptions(long records, int rate, Duration warmup, Duration duration, int products, int members, int partitions,
                            int logPartitions, Duration snapshotInterval, String serverHeap, long seed, Path out) {
}
