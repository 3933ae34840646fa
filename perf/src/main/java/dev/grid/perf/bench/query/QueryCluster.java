package dev.grid.perf.bench.query;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.perf.bench.targets.ClusterSettings;
import dev.grid.perf.bench.targets.MemberProcesses;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The cluster of {@code grid bench query}: grid members in child JVMs ({@code BenchMember}, as {@code grid bench log}
 * starts them: 127.0.0.1, tcp-ip join, a random cluster name, grid's default of one synchronous backup, Jet on for SQL),
 * the GridMap sized for the entries on each, and this JVM a grid client holding both maps.
 */
final class QueryCluster implements AutoCloseable {
    /** The GridMap's name, and its SQL mapping's. */
    static final String GRID_MAP = "orders_grid";
    /** The IMap's name, and its SQL mapping's. */
    static final String IMAP = "orders_imap";
    /** A serialized {@link Order}: Hazelcast's DataSerializable header and class name, then the fields. */
    private static final int VALUE_BYTES = 80;
    private static final Duration FORM_TIMEOUT = Duration.ofMinutes(2);

    private final MemberProcesses members;
    private final Grid client;
    private final int memberCount;
    private final int partitions;
    private final String heap;

    private QueryCluster(MemberProcesses members, Grid client, int memberCount, int partitions, String heap) {
        this.members = members;
        this.client = client;
        this.memberCount = memberCount;
        this.partitions = partitions;
        this.heap = heap;
    }

    static QueryCluster start(QueryOptions options, Path logDirectory) {
        String clusterName = "bench-query-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(options.members());
        List<String> addresses = new ArrayList<>();
        ports.forEach(p -> addresses.add("127.0.0.1:" + p));
        // records=1000: the harness's YCSB maps every member declares stay small
        ClusterSettings settings = new ClusterSettings(options.members(), options.partitions(), options.serverHeap(), 1_000, 100, List.of(),
                clusterName, Duration.ofSeconds(30), logDirectory, 0);
        MemberProcesses members = null;
        Grid client = null;
        try {
            members = MemberProcesses.start(clusterName, ports, addresses, settings,
                    List.of("map=" + GRID_MAP + ":" + options.entries() + ":" + VALUE_BYTES));
            client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(addresses));
            long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
            while (client.members().size() != options.members()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the client did not see " + options.members() + " members within " + FORM_TIMEOUT + ": "
                            + client.members());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            return new QueryCluster(members, client, options.members(), options.partitions(), options.serverHeap());
        } catch (RuntimeException e) {
            MemberProcesses.stopAfter(client, members);
            throw e;
        }
    }

    Grid client() {
        return client;
    }

    List<Long> childPids() {
        return members.pids();
    }

    /** @return how the cluster was deployed, for the report */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("members", memberCount + " grid member JVM(s) (BenchMember, -Xmx" + heap + "), " + partitions
                + " partitions, 1 synchronous backup for both maps, Jet on (SQL); this JVM is a grid client (smart routing)");
        s.put("maps", "GridMap '" + GRID_MAP + "' and IMap '" + IMAP + "' (BINARY in-memory format): Integer id -> "
                + Order.class.getSimpleName() + " (DataSerializable: id int, category string, price double, quantity int)");
        s.put("indexes", "both maps: hash on category, sorted on price (GridMap.addIndex / IMap.addIndex after loading)");
        s.put("mappings", LiveSql.createMapping(GRID_MAP, "GridMap") + "; the same with TYPE IMap for " + IMAP);
        s.put("calls", "one at a time from one client thread; the parameters of each call are drawn from the same seeded "
                + "sequence for both maps");
        return s;
    }

    @Override
    public void close() {
        MemberProcesses.stopAfter(client, members);
    }
}
