package dev.grid.perf.bench.targets;

import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridException;
import dev.grid.core.impl.DurationText;
import dev.grid.core.impl.FreePorts;
import dev.grid.perf.bench.ycsb.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Grid members for {@code gridmap} and {@code imap}: embedded (this JVM is one member, the others
 * are child JVMs) or client (every member a child JVM, or the existing cluster of {@code --address}).
 */
final class GridDeployment implements Deployment {
    private static final Duration FORM_TIMEOUT = Duration.ofMinutes(2);

    private final TargetKind kind;
    private final Mode mode;
    private final Grid caller;
    private final MemberProcesses children;

    private GridDeployment(TargetKind kind, Mode mode, Grid caller, MemberProcesses children) {
        this.kind = kind;
        this.mode = mode;
        this.caller = caller;
        this.children = children;
    }

    static GridDeployment start(TargetKind kind, Mode mode, ClusterSettings settings) {
        if (!settings.addresses().isEmpty()) {
            return new GridDeployment(kind, mode, connect(settings), null);
        }
        String clusterName = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(settings.members());
        List<String> addresses = new ArrayList<>();
        for (int port : ports) {
            addresses.add("127.0.0.1:" + port);
        }
        boolean embedded = mode == Mode.EMBEDDED;
        MemberProcesses children = MemberProcesses.start(clusterName, embedded ? ports.subList(1, ports.size()) : ports,
                addresses, settings);
        Grid caller = null;
        try {
            if (embedded) {
                caller = Grid.embedded(MemberConfigs.member(clusterName, ports.get(0), addresses, settings.partitions(),
                        settings.records(), settings.recordSize(), settings.cpMembers()));
            } else {
                caller = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(addresses));
            }
            awaitMembers(caller, settings.members(), embedded);
            return new GridDeployment(kind, mode, caller, children);
        } catch (RuntimeException e) {
            if (caller != null) {
                caller.hazelcast().shutdown();
            }
            children.close();
            throw e;
        }
    }

    private static Grid connect(ClusterSettings settings) {
        GridClientConfig config = new GridClientConfig().setAddresses(settings.addresses()).setConnectTimeout(settings.connectTimeout());
        if (settings.clusterName() != null) {
            config.setClusterName(settings.clusterName());
        }
        try {
            return Grid.client(config);
        } catch (GridException | IllegalStateException e) {
            throw new ClusterUnreachableException("--address " + String.join(",", settings.addresses())
                    + ": no grid member answered within --connect-timeout " + DurationText.format(settings.connectTimeout()) + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void awaitMembers(Grid caller, int members, boolean embedded) {
        long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
        while (caller.members().size() != members
                || (embedded && !caller.hazelcast().getPartitionService().isClusterSafe())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not reach " + members + " members within " + FORM_TIMEOUT
                        + ": " + caller.members());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Override
    public String mode() {
        return mode.label();
    }

    @Override
    public int members() {
        return caller.members().size();
    }

    @Override
    public BenchTarget open(Workload workload) {
        String name = MemberConfigs.mapName(workload);
        return kind == TargetKind.GRIDMAP ? new GridMapTarget(caller, name) : new IMapTarget(caller, name);
    }

    @Override
    public List<Long> childPids() {
        return children == null ? List.of() : children.pids();
    }

    @Override
    public void close() {
        try {
            if (caller.isRunning()) {
                caller.hazelcast().getLifecycleService().terminate();
            }
        } finally {
            if (children != null) {
                children.close();
            }
        }
    }
}
