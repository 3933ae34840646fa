package dev.grid.core.test;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.spi.FreePorts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds member configurations for tests: a random cluster name (so concurrent runs never join each
 * other), members on 127.0.0.1 with free ports taken from the OS, tcp-ip join to exactly those ports,
 * and a fast join.
 */
public final class TestClusters {
    private final String clusterName = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Integer> ports;
    private final int partitionCount;
    private int next;

    private TestClusters(int maxMembers, int partitionCount) {
        this.ports = FreePorts.loopback(maxMembers);
        this.partitionCount = partitionCount;
    }

    /**
     * @param maxMembers     how many members the test may start
     * @param partitionCount the cluster's partition count
     * @return a factory of member configurations for one cluster
     */
    public static TestClusters of(int maxMembers, int partitionCount) {
        return new TestClusters(maxMembers, partitionCount);
    }

    public String clusterName() {
        return clusterName;
    }

    public List<String> memberAddresses() {
        List<String> addresses = new ArrayList<>();
        for (int port : ports) {
            addresses.add("127.0.0.1:" + port);
        }
        return addresses;
    }

    /** @return the configuration of the next member to start */
    public GridConfig nextMemberConfig() {
        if (next >= ports.size()) {
            throw new IllegalStateException("this test cluster was sized for " + ports.size() + " members");
        }
        GridConfig config = new GridConfig()
                .setClusterName(clusterName)
                .setPartitionCount(partitionCount)
                .setMonitorPort(0)
                .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0")
                .setHazelcastProperty("hazelcast.graceful.shutdown.max.wait", "30");
        config.getNetwork().setPort(ports.get(next++)).setPortAutoIncrement(false).setMembers(memberAddresses());
        return config;
    }

    /** @return a started member of this cluster */
    public Grid startMember() {
        return Grid.embedded(nextMemberConfig());
    }

    /** @return a client configuration for this cluster */
    public GridClientConfig clientConfig() {
        return new GridClientConfig().setClusterName(clusterName).setAddresses(memberAddresses());
    }

    /** @return a client connected to this cluster */
    public Grid startClient() {
        return Grid.client(clientConfig());
    }

    /** Closes every grid given that is not null, in order. */
    public static void closeAll(Grid... grids) {
        for (Grid grid : grids) {
            if (grid != null) {
                grid.close();
            }
        }
    }

    /** Asserts that the grid still answers an ordinary GridMap write and read (after bad input, say). */
    public static void assertServes(Grid grid) {
        GridMap<String, String> ordinary = grid.map("ordinary");
        ordinary.set("k", "v");
        assertEquals("v", ordinary.get("k"));
    }
}
