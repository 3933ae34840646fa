package dev.grid.monitor.impl.http;

import dev.grid.core.spi.SqlConsole;
import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.lock.LockInfo;
import dev.grid.lock.LockOwner;
import dev.grid.lock.LockWaiter;
import dev.grid.log.PartitionInfo;
import dev.grid.log.TopicDescription;
import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MemberCounters;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.cluster.MemberView;
import dev.grid.monitor.impl.json.MonitorJson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A monitor's state with fixed values, for the routes' golden files: three members (the third has not
 * published its view yet), two maps, a held lock with waiters, a transaction in doubt, a heuristic
 * outcome, a firing and a resolved alert, log entries whose messages need escaping, counters, and grid-log
 * topics (one partition published by each of two owners, one only described, a topic only described and one
 * only published) with a consumer group's lag.
 */
final class FixedMonitorState implements MonitorState {
    static final long NOW = 1_764_151_300_000L;

    private static final GridMember FIRST = new GridMember(UUID.fromString("00000000-0000-0000-0000-000000000001"), "127.0.0.1", 5701, true);
    private static final GridMember SECOND = new GridMember(UUID.fromString("00000000-0000-0000-0000-000000000002"), "127.0.0.1", 5702, false);
    private static final GridMember THIRD = new GridMember(UUID.fromString("00000000-0000-0000-0000-000000000003"), "127.0.0.1", 5703, false);

    /** Member views as members store them in the cluster map {@code grid.monitor.members}. */
    private static final List<String> STORED_VIEWS = List.of("""
            {"id":"00000000-0000-0000-0000-000000000001","address":"127.0.0.1:5701","url":"http://127.0.0.1:7070/",\
            "startedAt":1764151000000,"updatedAt":1764151299800,"heapUsed":104857600,"heapMax":1073741824,\
            "offHeapReserved":67108864,"offHeapUsed":1048576,"offHeapBudget":0,"partitionsOwned":91,"entries":1500,\
            "backupEntries":1480,"cpLeader":true,"maps":{"orders":{"entries":1000,"backupEntries":990,\
            "offHeapReserved":33554432,"offHeapUsed":786432,"gets":5000,"hits":4500,"misses":500,"puts":1000,"removes":10,\
            "otherOperations":3,"localReads":2500,"meanGetMicros":12.5,"meanPutMicros":140.25,"meanRemoveMicros":0,\
            "p99GetMicros":48.127,"p99PutMicros":512},"sessions":{"entries":500,"backupEntries":490,"offHeapReserved":33554432,\
            "offHeapUsed":262144,"gets":0,"hits":0,"misses":0,"puts":500,"removes":0,"otherOperations":0,"localReads":0,\
            "meanGetMicros":0,"meanPutMicros":95.5,"meanRemoveMicros":0,"p99GetMicros":0,"p99PutMicros":200.5}},\
            "log":{"ownedReplicas":2,"backupReplicas":1,"diskUsed":131072,"diskBudget":0,"appendedRecords":1500,"appendedBytes":120000,\
            "partitions":[{"topic":"clicks","partition":0,"startOffset":0,"highWatermark":300,"endOffset":300,"sizeBytes":32768,\
            "segments":1,"appendedRecords":300,"appendedBytes":24000,"segmentsDeleted":0,"recordsPerSecond":0,"bytesPerSecond":0},\
            {"topic":"orders","partition":0,"startOffset":0,"highWatermark":1200,"endOffset":1200,"sizeBytes":98304,"segments":1,\
            "appendedRecords":1200,"appendedBytes":96000,"segmentsDeleted":0,"recordsPerSecond":50.5,"bytesPerSecond":4040}],\
            "groups":[{"group":"billing","topic":"orders","partition":0,"committedOffset":1000,"highWatermark":1200,"lag":200},\
            {"group":"billing","topic":"orders","partition":1,"committedOffset":900,"highWatermark":1100,"lag":200},\
            {"group":"billing","topic":"orders","partition":2,"committedOffset":-1,"highWatermark":700,"lag":700}]}}""", """
            {"id":"00000000-0000-0000-0000-000000000002","address":"127.0.0.1:5702","url":"http://127.0.0.1:7071/",\
            "startedAt":1764151001000,"updatedAt":1764151299900,"heapUsed":94371840,"heapMax":1073741824,\
            "offHeapReserved":33554432,"offHeapUsed":774144,"offHeapBudget":0,"partitionsOwned":90,"entries":990,\
            "backupEntries":1000,"cpLeader":false,"maps":{"orders":{"entries":990,"backupEntries":1000,\
            "offHeapReserved":33554432,"offHeapUsed":774144,"gets":3000,"hits":2000,"misses":1000,"puts":990,"removes":0,\
            "otherOperations":0,"localReads":1500,"meanGetMicros":20,"meanPutMicros":150,"meanRemoveMicros":0,\
            "p99GetMicros":60.5,"p99PutMicros":480}},"log":{"ownedReplicas":1,"backupReplicas":2,"diskUsed":65536,\
            "diskBudget":1073741824,"appendedRecords":1005,"appendedBytes":80400,"partitions":[{"topic":"orders","partition":1,\
            "startOffset":100,"highWatermark":1100,"endOffset":1105,"sizeBytes":65536,"segments":2,"appendedRecords":1005,\
            "appendedBytes":80400,"segmentsDeleted":1,"recordsPerSecond":12.25,"bytesPerSecond":980}],"groups":[]}}""");

    @Override
    public String clusterName() {
        return "golden";
    }

    @Override
    public String memberAddress() {
        return FIRST.address();
    }

    @Override
    public List<GridMember> members() {
        return List.of(FIRST, SECOND, THIRD);
    }

    @Override
    public PartitionDistribution distribution() {
        Map<GridMember, Integer> owned = new LinkedHashMap<>();
        owned.put(FIRST, 91);
        owned.put(SECOND, 90);
        owned.put(THIRD, 89);
        return new PartitionDistribution(271, owned);
    }

    @Override
    public List<MemberView> memberViews() {
        return STORED_VIEWS.stream().map(text -> MonitorJson.read(text, MemberView.class)).toList();
    }

    @Override
    public int migrationsInProgress() {
        return 2;
    }

    @Override
    public long migrationsCompleted() {
        return 542;
    }

    @Override
    public List<LockInfo> locks() {
        LockOwner holder = new LockOwner(7, FIRST.id(), "member 127.0.0.1:5701", 42);
        LockOwner firstWaiter = new LockOwner(8, SECOND.id(), "member 127.0.0.1:5702", 43);
        LockOwner secondWaiter = new LockOwner(9, UUID.fromString("00000000-0000-0000-0000-0000000000c1"), "client orders-app", 1);
        return List.of(new LockInfo("order-42", 17, 2, holder, NOW - 4_500, List.of(new LockWaiter(firstWaiter, NOW - 3_000),
                new LockWaiter(secondWaiter, NOW + 10))), new LockInfo("stock", 3, 1, holder, NOW - 60_000, List.of()));
    }

    @Override
    public String locksProblem() {
        return null;
    }

    @Override
    public long now() {
        return NOW;
    }

    @Override
    public List<MonitoredTransaction> transactions() {
        return List.of(new MonitoredTransaction("0:ffff7f000001:982f:6b07d971:9", "PREPARED", "shop-app-1", List.of("gridmap:stock", "jdbc:orders"),
                        NOW - 90_000, NOW - 75_000, "127.0.0.1:5702"),
                new MonitoredTransaction("0:ffff7f000001:982f:6b07d971:a", "ACTIVE", "shop-app-2", List.of(), NOW - 1_000, 0, "client-7"));
    }

    @Override
    public List<HeuristicOutcome> heuristics() {
        return List.of(new HeuristicOutcome("0:ffff7f000001:982f:6b07d971:3", "HEURISTIC_MIXED", "shop-app-1", List.of("jdbc:orders"),
                NOW - 30_000, "127.0.0.1:5701"));
    }

    @Override
    public List<Alert> alerts() {
        return List.of(new Alert("txn-in-doubt|cluster|", "txn-in-doubt", "critical", "a transaction has been in doubt for more than 1m",
                        "FIRING", "cluster", Map.of(), 75.0, NOW - 15_000, NOW - 14_800, 0, "127.0.0.1:5701"),
                new Alert("orders-offheap-high|127.0.0.1:5702|{map=\"orders\"}", "orders-offheap-high", "warning",
                        "orders uses > 8 GB & more off-heap <on a member>", "RESOLVED", "127.0.0.1:5702", Map.of("map", "orders"),
                        8.5e9, NOW - 600_000, NOW - 480_000, NOW - 120_000, "127.0.0.1:5702"));
    }

    @Override
    public List<String> alertRules() {
        return List.of("member-left: grid_cluster_members_missing > 0 for 0s (warning)",
                "orders-offheap-high: grid_map_offheap_used_bytes{map=\"orders\"} > 8.0E9 for 2m (warning)");
    }

    @Override
    public List<LogEntry> log(int limit, Predicate<LogEntry> filter) {
        List<LogEntry> newestFirst = List.of(
                new LogEntry(12, NOW - 1_000, "127.0.0.1:5702", "ERROR", "txn.heuristic",
                        "heuristic outcome HEURISTIC_MIXED {txId=0:ffff7f000001:982f:6b07d971:3}"),
                new LogEntry(11, NOW - 2_000, "127.0.0.1:5701", "WARN", "com.hazelcast.cluster",
                        "member left: <127.0.0.1:5703> & \"quoted\"\n\tsecond line \\ é \u2028 \u0001"),
                new LogEntry(10, NOW - 3_000, "client-7", "WARN", "monitor.alert-firing", "alert firing: [warning] member-left"));
        return newestFirst.stream().filter(filter).limit(limit).toList();
    }

    @Override
    public long logSize() {
        return 13;
    }

    @Override
    public List<TopicDescription> topics() {
        // as described a moment before the views were published; "clicks" was created after the description, "audit" is empty
        return List.of(new TopicDescription(new GridTopicConfig("audit").setPartitions(1),
                        List.of(new PartitionInfo(0, 12, "127.0.0.1:5702", 0, 0, 0, 0, 1))),
                new TopicDescription(new GridTopicConfig("orders").setPartitions(3), List.of(
                        new PartitionInfo(0, 3, "127.0.0.1:5701", 0, 1190, 1190, 97000, 1),
                        new PartitionInfo(1, 9, "127.0.0.1:5702", 100, 1090, 1090, 65000, 2),
                        new PartitionInfo(2, 14, "127.0.0.1:5703", 0, 700, 700, 57344, 1))));
    }

    @Override
    public String topicsProblem() {
        return null;
    }

    @Override
    public MemberCounters counters() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("grid_map_get_hits_total{map=\"orders\"}", 4500L);
        values.put("grid_map_operations_total{map=\"orders\",op=\"get\"}", 5000L);
        values.put("grid_txn_events_total{type=\"begin\"}", 2L);
        return new MemberCounters(Path.of("grid-data", "member-127.0.0.1-5701.counters"),
                "cluster=golden member=127.0.0.1:5701 uuid=00000000-0000-0000-0000-000000000001 url=http://127.0.0.1:7070/", 4242,
                NOW - 300_000, NOW - 200, true, values);
    }

    @Override
    public String scrape() {
        return "# HELP grid_cluster_members members as this member sees them\n# TYPE grid_cluster_members gauge\ngrid_cluster_members 3\n";
    }

    /** The SQL console the routes see: null (no grid-query) unless a test sets one. */
    SqlConsole sqlConsole;

    @Override
    public SqlConsole sqlConsole() {
        return sqlConsole;
    }

    @Override
    public List<dev.grid.monitor.JobFigures> jobs() {
        return List.of(new dev.grid.monitor.JobFigures("0a1b-2c3d-4e5f-6789", "orders-per-minute", "RUNNING", 1_700_000_000_000L, 120_000, 118_500,
                        250, 40_960, 512, 35, 1_700_000_100_000L, null, 1_700_000_050_000L,
                        List.of(new dev.grid.monitor.JobFigures.VertexFigures("orders", 0, 120_000),
                                new dev.grid.monitor.JobFigures.VertexFigures("sink", 118_500, 0))),
                new dev.grid.monitor.JobFigures("0a1b-2c3d-4e5f-0000", "nightly", "FAILED", 1_699_999_000_000L, 0, 0, -1, 0, 0, -1, 0,
                        "cancelled by a user", -1, List.of()));
    }

    @Override
    public String jobsProblem() {
        return null;
    }

    @Override
    public long jobRestarts(String jobId) {
        return jobId.endsWith("6789") ? 2 : 0;
    }
}
