package dev.grid.perf.bench.targets;

import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.perf.bench.ycsb.Workload;

import java.util.List;

/** The configuration of every grid member the harness starts, in this JVM or in a child JVM. */
public final class MemberConfigs {
    /** Serialized key size: "user" and up to 11 digits, plus Hazelcast's string header. */
    private static final int KEY_SIZE = 24;
    /** Hazelcast's byte[] header: type id and length. */
    private static final int VALUE_HEADER = 8;

    private MemberConfigs() {
    }

    /** @return the name of the map a workload uses */
    public static String mapName(Workload workload) {
        return "ycsb-" + workload.letter();
    }

    /**
     * @param clusterName the cluster's (random) name
     * @param port        this member's port on 127.0.0.1
     * @param addresses   every member's address (tcp-ip join)
     * @param partitions  the partition count
     * @param records     records loaded per workload
     * @param recordSize  bytes per record
     * @param cpMembers   CP group size (0: off)
     * @return the member's configuration, with one GridMap per workload sized for its records and inserts
     */
    public static GridConfig member(String clusterName, int port, List<String> addresses, int partitions, long records,
                                    int recordSize, int cpMembers) {
        GridConfig config = new GridConfig()
                .setClusterName(clusterName)
                .setMonitorPort(0)
                .setPartitionCount(partitions)
                .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0")
                .setHazelcastProperty("hazelcast.shutdownhook.enabled", "false");
        config.getCp().setMemberCount(cpMembers);
        config.getNetwork().setHost("127.0.0.1").setPort(port).setPortAutoIncrement(false).setMembers(addresses);
        for (Workload workload : Workload.values()) {
            // inserts at a few % of the operations add up over a long run: leave room for as many again as loaded
            long entries = workload.insertProportion() > 0 ? 2 * records + 100_000 : records + records / 4 + 1_000;
            config.addMap(new GridMapConfig(mapName(workload))
                    .setEntries(entries)
                    .setAverageKeySize(KEY_SIZE)
                    .setAverageValueSize(recordSize + VALUE_HEADER)
                    .setMaxValueSize(Math.max(GridMapConfig.DEFAULT_MAX_VALUE_SIZE, recordSize + VALUE_HEADER)));
        }
        return config;
    }

    /**
     * @param spec {@code NAME:ENTRIES:VALUE_BYTES}
     * @return a GridMap's configuration sized for that many entries of that average serialized value size
     * @throws IllegalArgumentException naming the spec if it is not of that form
     */
    public static GridMapConfig sizedMap(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,12}") || !parts[2].matches("[0-9]{1,7}")) {
            throw new IllegalArgumentException("map must be NAME:ENTRIES:VALUE_BYTES, was '" + spec + "'");
        }
        int valueBytes = Integer.parseInt(parts[2]);
        return new GridMapConfig(parts[0])
                .setEntries(Math.max(1_000, Long.parseLong(parts[1]) + Long.parseLong(parts[1]) / 4))
                .setAverageKeySize(KEY_SIZE)
                .setAverageValueSize(valueBytes)
                .setMaxValueSize(Math.max(GridMapConfig.DEFAULT_MAX_VALUE_SIZE, valueBytes));
    }
}
