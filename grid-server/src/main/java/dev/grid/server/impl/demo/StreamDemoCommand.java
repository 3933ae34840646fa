package dev.grid.server.impl.demo;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.Await;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code grid demo stream}: grid-stream's reference pipeline on an embedded default. Three members and a client in this
 * JVM; orders appended to a topic at a fixed rate; a Jet job (exactly once) keeps revenue per product per second and
 * running totals in two GridMaps, shown live; a member is terminated without warning half way; at the end every total
 * and every window must equal the sums of the acknowledged orders exactly, and SQL over the totals map shows them.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        header = "orders -> Jet (exactly once) -> revenue per product per second and running totals in GridMaps; a member killed; totals checked",
        description = {
                "grid-stream's reference pipeline on an embedded default: starts 3 members (127.0.0.1, free ports, a random cluster "
                        + "name, the log in a temporary directory) and a client in this JVM, creates topic 'orders', submits a Jet job "
                        + "(EXACTLY_ONCE, 1 s snapshots) reading it into revenue per product in 1 s tumbling windows (GridMap "
                        + "'revenue_per_second', key product@windowEnd) and running totals (GridMap 'revenue_total'), then appends "
                        + "orders at --rate for --seconds, printing the totals every second, and terminates a member without warning "
                        + "half way. At the end every total and every closed window must equal the acknowledged orders' sums exactly; "
                        + "the totals are then shown by SQL (SELECT ... FROM revenue_total ORDER BY cents DESC).",
                "",
                "Exits 0 when every total and window is exact, 1 with what differs otherwise."})
public final class StreamDemoCommand implements java.util.concurrent.Callable<Integer> {
    static final int MEMBERS = 3;
    static final int LOG_PARTITIONS = 6;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);

    private final PrintStream out;
    private final PrintStream err;
    @Spec
    private CommandSpec spec;
    @Option(names = "--seconds", paramLabel = "N", defaultValue = "20", description = "seconds of orders, 4..3600 (default ${DEFAULT-VALUE})")
    private int seconds;
    @Option(names = "--rate", paramLabel = "N", defaultValue = "2000", description = "orders per second, 1..100000 (default ${DEFAULT-VALUE})")
    private int rate;
    @Option(names = "--products", paramLabel = "N", defaultValue = "8", description = "distinct products, 1..1000 (default ${DEFAULT-VALUE})")
    private int products;
    @Option(names = "--no-kill", description = "do not terminate a member half way")
    private boolean noKill;

    /**
     * @param out where the demo's lines go
     * @param err where errors go
     */
    public StreamDemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        OptionCheck check = new OptionCheck(spec);
        check.between("--seconds", seconds, 4, 3600);
        check.between("--rate", rate, 1, 100_000);
        check.between("--products", products, 1, 1000);
        // Terminating a member is part of the demo: keep Hazelcast's and Jet's reports of it off the screen.
        System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast", "off");
        System.setProperty("org.slf4j.simpleLogger.log.dev.grid", "off");
        List<Grid> members = new ArrayList<>();
        Path logs = temporaryDirectory();
        try {
            return run(members, logs);
        } catch (RuntimeException e) {
            err.println("grid demo stream: FAILED: " + e);
            return GridCommand.FAILED;
        } finally {
            members.forEach(Grid::close);
            deleteQuietly(logs);
        }
    }

    private int run(List<Grid> members, Path logs) {
        String clusterName = "demo-stream-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = FreePorts.loopback(MEMBERS).stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toList());
        out.println("grid demo stream: starting " + MEMBERS + " members of cluster '" + clusterName + "' in this JVM (log in " + logs + ")");
        for (String address : addresses) {
            GridConfig config = new GridConfig().setClusterName(clusterName).setBackupCount(1)
                    .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0");
            config.getNetwork().setPort(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)))
                    .setPortAutoIncrement(false).setMembers(addresses);
            config.getLog().setDirectory(logs);
            members.add(Grid.embedded(config));
        }
        awaitSafe(members.get(0), MEMBERS);
        try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(addresses))) {
            GridLog log = GridLog.of(client);
            log.createTopic(RevenuePipeline.TOPIC, LOG_PARTITIONS);
            GridMap<String, Long> totals = client.map(RevenuePipeline.TOTALS);
            GridMap<String, Long> windows = client.map(RevenuePipeline.WINDOWS);
            Job job = client.hazelcast().getJet().newJob(RevenuePipeline.create(), new JobConfig().setName("grid-demo-revenue")
                    .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(1_000));
            if (!Await.until(SETTLE_TIMEOUT, () -> job.getStatus() == JobStatus.RUNNING)) {
                throw new IllegalStateException("the job did not start within " + SETTLE_TIMEOUT.toSeconds() + " s: " + job.getStatus());
            }
            out.printf("  topic '%s' (%d partitions, 1 synchronous backup); job '%s' RUNNING, EXACTLY_ONCE, snapshots every 1 s%n",
                    RevenuePipeline.TOPIC, LOG_PARTITIONS, job.getName());
            Expected expected = new Expected();
            try (LogProducer producer = log.producer()) {
                long lastTimestamp = produce(producer, expected, members, totals, job);
                // end of input: a record per partition moves event time past the last window, which then closes
                List<CompletableFuture<?>> clock = new ArrayList<>();
                for (int p = 0; p < LOG_PARTITIONS; p++) {
                    clock.add(producer.send(ProducerRecord.of(RevenuePipeline.TOPIC, DemoOrder.CLOCK, "0").toPartition(p)
                            .withTimestamp(lastTimestamp + 3 * RevenuePipeline.WINDOW_MILLIS)));
                }
                clock.forEach(CompletableFuture::join);
            }
            boolean exact = awaitExact(expected, totals, windows);
            printBySql(client);
            cancel(job);
            if (!exact) {
                err.println("grid demo stream: FAILED: " + expected.compare(totals, windows).describe());
                return GridCommand.FAILED;
            }
            Comparison result = expected.compare(totals, windows);
            out.printf("grid demo stream: OK, %,d orders: running totals exact for %d of %d products, windows exact %d of %d%n",
                    expected.orders.get(), result.exactTotals, result.totals, result.exactWindows, result.windows);
            return GridCommand.OK;
        }
    }

    /** Appends orders at the rate for the duration, killing a member half way; @return the last order's timestamp. */
    private long produce(LogProducer producer, Expected expected, List<Grid> members, GridMap<String, Long> totals, Job job) {
        Random random = new Random(42);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long count = (long) seconds * rate;
        long lastTimestamp = 0;
        long nextReport = 1;
        boolean killed = noKill;
        for (long i = 0; i < count && failure.get() == null; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String product = "product-" + random.nextInt(products);
            long cents = 100 + random.nextInt(9_900);
            long timestamp = System.currentTimeMillis();
            lastTimestamp = Math.max(lastTimestamp, timestamp);
            pending.add(producer.send(ProducerRecord.of(RevenuePipeline.TOPIC, product, Long.toString(cents)).withTimestamp(timestamp))
                    .whenComplete((appended, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        } else {
                            expected.add(product, cents, timestamp);
                        }
                    }));
            if (pending.size() >= 1_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if (elapsed >= nextReport) {
                nextReport = elapsed + 1;
                out.printf("  %3d s: %,9d orders acknowledged; job %-10s top totals %s%n", elapsed, expected.orders.get(), job.getStatus(),
                        top(totals, 3));
            }
            if (!killed && i >= count / 2) {
                killed = true;
                Grid victim = members.get(MEMBERS - 1);
                GridMember member = victim.localMember().orElseThrow();
                victim.hazelcast().getLifecycleService().terminate();
                out.printf("  %3d s: terminated member %s without warning: the job restarts from its last snapshot on the other two%n",
                        elapsed, member.address());
            }
        }
        pending.forEach(f -> f.exceptionally(e -> null).join());
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed, so the expected sums are unknown: " + failure.get(), failure.get());
        }
        out.printf("  appended %,d orders in %d s (%,d/s), every one acknowledged by its backup%n", expected.orders.get(), seconds, rate);
        return lastTimestamp;
    }

    private boolean awaitExact(Expected expected, GridMap<String, Long> totals, GridMap<String, Long> windows) {
        out.println("  waiting for the job to catch up and close the last windows...");
        AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        return Await.until(SETTLE_TIMEOUT, () -> {
            Comparison comparison = expected.compare(totals, windows);
            if (System.nanoTime() - lastPrint.get() > TimeUnit.SECONDS.toNanos(2)) {
                lastPrint.set(System.nanoTime());
                out.println("    " + comparison.describe());
            }
            return comparison.exact();
        });
    }

    /** Cancels the job, also while Jet restarts it (a cancel is then refused as "already terminating"): until it ends. */
    private static void cancel(Job job) {
        Await.until(SETTLE_TIMEOUT, () -> {
            if (!job.getStatus().isTerminal()) {
                try {
                    job.cancel();
                } catch (IllegalStateException restarting) {
                    return false;
                }
            }
            return job.getStatus().isTerminal();
        });
    }

    private void printBySql(Grid client) {
        out.println("  the totals by SQL: SELECT __key AS product, this AS cents FROM revenue_total ORDER BY cents DESC");
        client.hazelcast().getSql().execute("CREATE OR REPLACE MAPPING " + RevenuePipeline.TOTALS + " TYPE GridMap "
                + "OPTIONS ('keyFormat'='varchar', 'valueFormat'='bigint')").close();
        try (SqlResult rows = client.hazelcast().getSql().execute("SELECT __key AS product, this AS cents FROM "
                + RevenuePipeline.TOTALS + " ORDER BY cents DESC")) {
            for (SqlRow row : rows) {
                out.printf("    %-14s %,16d%n", row.<String>getObject("product"), row.<Long>getObject("cents"));
            }
        }
    }

    private static String top(GridMap<String, Long> totals, int count) {
        Map<String, Long> all = new HashMap<>();
        totals.iterator().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue()));
        return all.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(" | "));
    }

    private static void awaitSafe(Grid observer, int memberCount) {
        if (!Await.until(SETTLE_TIMEOUT, () -> observer.members().size() == memberCount
                && observer.hazelcast().getPartitionService().isClusterSafe())) {
            throw new IllegalStateException("the cluster did not settle with " + memberCount + " members within "
                    + SETTLE_TIMEOUT.toSeconds() + " s");
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("grid-demo-stream");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the demo's log", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }

    /** The sums the acknowledged orders make: per product, and per product and window. */
    private static final class Expected {
        final AtomicLong orders = new AtomicLong();
        final Map<String, LongAdder> totals = new ConcurrentHashMap<>();
        final Map<String, LongAdder> windows = new ConcurrentHashMap<>();

        void add(String product, long cents, long timestamp) {
            orders.incrementAndGet();
            totals.computeIfAbsent(product, p -> new LongAdder()).add(cents);
            windows.computeIfAbsent(RevenuePipeline.windowKey(product, RevenuePipeline.windowEnd(timestamp)), w -> new LongAdder()).add(cents);
        }

        Comparison compare(GridMap<String, Long> actualTotals, GridMap<String, Long> actualWindows) {
            Map<String, Long> totalsNow = actualTotals.getAll(Set.copyOf(totals.keySet()));
            Map<String, Long> windowsNow = actualWindows.getAll(Set.copyOf(windows.keySet()));
            Map<String, String> wrong = new TreeMap<>();
            int exactTotals = 0;
            for (Map.Entry<String, LongAdder> e : totals.entrySet()) {
                if (e.getValue().sum() == totalsNow.getOrDefault(e.getKey(), -1L)) {
                    exactTotals++;
                } else if (wrong.size() < 5) {
                    wrong.put(e.getKey(), "expected " + e.getValue().sum() + ", found " + totalsNow.get(e.getKey()));
                }
            }
            int exactWindows = 0;
            for (Map.Entry<String, LongAdder> e : windows.entrySet()) {
                if (e.getValue().sum() == windowsNow.getOrDefault(e.getKey(), -1L)) {
                    exactWindows++;
                } else if (wrong.size() < 5) {
                    wrong.put(e.getKey(), "expected " + e.getValue().sum() + ", found " + windowsNow.get(e.getKey()));
                }
            }
            return new Comparison(totals.size(), exactTotals, windows.size(), exactWindows, wrong);
        }
    }

    /** How the GridMaps compare with the expected sums, with up to five differences. */
    private record Comparison(int totals, int exactTotals, int windows, int exactWindows, Map<String, String> wrong) {
        boolean exact() {
            return exactTotals == totals && exactWindows == windows;
        }

        String describe() {
            return String.format("totals exact %d of %d, windows exact %d of %d%s", exactTotals, totals, exactWindows, windows,
                    wrong.isEmpty() ? "" : "; differences " + wrong);
        }
    }
}
