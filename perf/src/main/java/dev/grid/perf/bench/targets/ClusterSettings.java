package dev.grid.perf.bench.targets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the harness deploys grid members and other servers.
 *
 * @param members        members in the cluster (embedded mode: this JVM plus members-1 child JVMs)
 * @param partitions     the cluster's partition count
 * @param memberHeap     -Xmx of each member JVM, e.g. {@code 1g}
 * @param records        records loaded per workload (sizes GridMap's off-heap stores)
 * @param recordSize     bytes per record
 * @param addresses      an existing cluster to connect to as a client (empty: start members)
 * @param clusterName    that cluster's name (null: the default)
 * @param connectTimeout how long a client keeps trying to reach the cluster
 * @param logDirectory   where child processes' output goes
 * @param cpMembers      grid CP group size (0: the CP subsystem is off, as map benchmarks need)
 */
public record ClusterSettings(int members, int partitions, String memberHeap, long records, int recordSize,
                              List<String> addresses, String clusterName, Duration connectTimeout, Path logDirectory,
                              int cpMembers) {
}
