package dev.grid.perf.bench.stream;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.perf.bench.log.TempDirectories;
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
 * The cluster of {@code grid bench stream}: grid members in child JVMs ({@code BenchMember}, as {@code grid bench log}
 * and {@code query} start them: 127.0.0.1, tcp-ip join, a random cluster name, one synchronous backup, Jet on since
 * grid-stream is on their class path, grid-log's files under a temporary directory deleted at the end), and this JVM a
 * grid client that appends, submits the jobs and reads the sinks.
 */
final class StreamCluster implements AutoCloseable {
    private static final Duration FORM_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Jet's IMap sources and sinks (Sources.mapJournal, Sinks.map) carry a Hazelcast MapPermission in their Java-serialized
     * processor suppliers; grid's default deserialization allowlist refuses its superclass, so the members allow it.
     */
    static final String JET_IMAP_ALLOW = "java.security.Permission";

    private final MemberProcesses members;
    private final Grid client;
    private final Path dataRoot;
    private final StreamOptions options;

    private StreamCluster(MemberProcesses members, Grid client, Path dataRoot, StreamOptions options) {
        this.members = members;
        this.client = client;
        this.dataRoot = dataRoot;
        this.options = options;
    }

    static StreamCluster start(StreamOptions options, Path logDirectory) {
        Path dataRoot = TempDirectories.create("grid-bench-stream-");
        String clusterName = "bench-stream-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(options.members());
        List<String> addresses = new ArrayList<>();
        ports.forEach(p -> addresses.add("127.0.0.1:" + p));
        // records=1000: the harness's YCSB maps every member declares stay small
        ClusterSettings settings = new ClusterSettings(options.members(), options.partitions(), options.serverHeap(), 1_000, 100, List.of(),
                clusterName, Duration.ofSeconds(30), logDirectory, 0);
        MemberProcesses members = null;
        Grid client = null;
        try {
            members = MemberProcesses.start(clusterName, ports, addresses, settings, List.of("dataDir=" + dataRoot, "allow=" + JET_IMAP_ALLOW));
            client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(addresses));
            long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
            while (client.members().size() != options.members()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the client did not see " + options.members() + " members within " + FORM_TIMEOUT + ": "
                            + client.members());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            return new StreamCluster(members, client, dataRoot, options);
        } catch (RuntimeException e) {
            stop(client, members, dataRoot);
            throw e;
        }
    }

    Grid client() {
        return client;
    }

    List<Long> childPids() {
        return members.pids();
    }

    /** @return a new, empty lane of the system for a run */
    Lane lane(StreamSystem system, String run, long events) {
        String name = "bench-" + run + "-" + system.label();
        return system == StreamSystem.GRID ? new GridLane(client, name, options.logPartitions()) : new JournalLane(client, name, events);
    }

    /** @return how the cluster was deployed and the pipelines run, for the report */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("members", options.members() + " grid member JVM(s) (BenchMember, -Xmx" + options.serverHeap() + "), " + options.partitions()
                + " partitions, 1 synchronous backup for every map and topic, Jet on; this JVM is a grid client (smart routing)");
        s.put("allowlist", "members add " + JET_IMAP_ALLOW + " to grid.security.allowedClasses: Jet's IMap journal source and map sink "
                + "carry a MapPermission in their Java-serialized suppliers, which grid's default allowlist refuses");
        s.put("pipeline", "the same on both: (product, amount) with event time from the event's timestamp, allowed lag "
                + StreamPipelines.ALLOWED_LAG_MILLIS + " ms (latency runs; " + StreamPipelines.THROUGHPUT_LAG_MILLIS
                + " ms in throughput runs) -> groupingKey(product) -> tumbling " + StreamPipelines.WINDOW_MILLIS
                + " ms window -> summingLong(amount) -> sink key '<product>@<window end>'; EXACTLY_ONCE, snapshot every "
                + options.snapshotInterval().toMillis() + " ms; submitted from the client");
        s.put(StreamSystem.GRID.label(), StreamSystem.GRID.description() + "; " + options.logPartitions() + " log partitions; "
                + GridLane.PRODUCER);
        s.put(StreamSystem.IMAP_JOURNAL.label(), StreamSystem.IMAP_JOURNAL.description() + "; one journal per cluster partition, capacity "
                + "for every event of the run; " + JournalLane.WRITER);
        s.put("results", "polled from this JVM with getAll on the sink map: the oldest windows that can be complete, one key of a window "
                + "until its results start to appear, then all its missing keys; after a poll that finds nothing new, "
                + ResultPoller.IDLE_MICROS + " µs wait. Every value checked against the events' sum, and each product's total over "
                + "the whole sink at the end of each run");
        return s;
    }

    @Override
    public void close() {
        stop(client, members, dataRoot);
    }

    private static void stop(Grid client, MemberProcesses members, Path dataRoot) {
        try {
            MemberProcesses.stopAfter(client, members);
        } finally {
            TempDirectories.delete(dataRoot);
        }
    }
}
