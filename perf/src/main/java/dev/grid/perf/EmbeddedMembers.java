package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.spi.FreePorts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A cluster of grid members in this JVM, as the benchmarks need it: members on 127.0.0.1 with free
 * ports, tcp-ip join to exactly those ports, and a random cluster name, so a benchmark never joins
 * another run's (or an engineer's) cluster.
 */
final class EmbeddedMembers implements AutoCloseable {
    private static final Duration SAFE_TIMEOUT = Duration.ofMinutes(2);

    private final List<Grid> members;
    private final String clusterName;
    private final List<String> addresses;

    private EmbeddedMembers(List<Grid> members, String clusterName, List<String> addresses) {
        this.members = members;
        this.clusterName = clusterName;
        this.addresses = addresses;
    }

    /**
     * Starts the members and waits until every partition has its owner and backups in place.
     *
     * @param count      how many members
     * @param partitions the cluster's partition count
     * @param map        the settings of the GridMap the benchmark uses (sized for its keyspace)
     * @return the running members
     */
    static EmbeddedMembers start(int count, int partitions, GridMapConfig map) {
        String clusterName = "perf-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = new ArrayList<>();
        List<Integer> ports = FreePorts.loopback(count);
        for (int port : ports) {
            addresses.add("127.0.0.1:" + port);
        }
        List<Grid> members = new ArrayList<>();
        EmbeddedMembers cluster = new EmbeddedMembers(members, clusterName, addresses);
        try {
            for (int port : ports) {
                GridConfig config = new GridConfig()
                        .setClusterName(clusterName)
                        .setMonitorPort(0)
                        .setPartitionCount(partitions)
                        .addMap(map)
                        .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0");
                config.getNetwork().setPort(port).setPortAutoIncrement(false).setMembers(addresses);
                members.add(Grid.embedded(config));
            }
            cluster.awaitSafe();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** @return the i-th member started (0 is the oldest) */
    Grid member(int i) {
        return members.get(i);
    }

    /** @return a client configuration reaching these members */
    GridClientConfig clientConfig() {
        return new GridClientConfig().setClusterName(clusterName).setAddresses(addresses);
    }

    /** @return the member the benchmark calls from */
    Grid caller() {
        return members.get(0);
    }

    /** Waits until every member sees all the others and no partition is migrating or missing a backup. */
    void awaitSafe() {
        long deadline = System.nanoTime() + SAFE_TIMEOUT.toNanos();
        for (Grid member : members) {
            while (member.members().size() != members.size()
                    || !member.hazelcast().getPartitionService().isClusterSafe()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the " + members.size() + " benchmark members are not safe after "
                            + SAFE_TIMEOUT + ": " + member.members());
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    /** Stops every member at once (terminate: the data is thrown away, so nothing needs migrating). */
    @Override
    public void close() {
        for (Grid member : members) {
            if (member.isRunning()) {
                member.hazelcast().getLifecycleService().terminate();
            }
        }
    }
}
