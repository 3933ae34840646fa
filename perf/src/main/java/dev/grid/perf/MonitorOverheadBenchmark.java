package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapConfig;
import dev.grid.core.impl.FreePorts;
import dev.grid.monitor.GridMonitor;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.targets.GridMapTarget;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the monitor costs GridMap's local fast path: {@code get} of a present key (100-byte values) on one
 * embedded member that owns every partition, with and without {@link GridMonitor} started on that member.
 * With the monitor every get increments shared counters (operations, hits) in its memory-mapped counters
 * file and one get in 16 is timed into a latency histogram; without it the counters are grid-core's no-op.
 * Same fork and JVM layout as {@link LocalGetBenchmark}, so the figures compare; run both settings in one
 * invocation on a noisy machine and read the ratio.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar MonitorOverheadBenchmark                                           # full: 1M keys, 2 forks
 * java -jar perf/target/grid-perf.jar MonitorOverheadBenchmark -p keys=100000 -p distribution=zipf -bm thrpt   # quicker
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MonitorOverheadBenchmark {
    private static final String MAP = "bench-monitored";

    /** The keyspace: every key is present. */
    @Param({"1000000"})
    public int keys;

    /** {@code zipf} (YCSB's skew, hot keys scattered) or {@code uniform}. */
    @Param({"zipf", "uniform"})
    public String distribution;

    /** {@code off}: no monitor (grid-core's no-op counters); {@code on}: {@link GridMonitor} started on the member. */
    @Param({"off", "on"})
    public String monitor;

    /** The cluster's partition count; 271 is the default. */
    @Param({"271"})
    public int partitions;

    private Path dataDirectory;
    private Grid member;
    private GridMonitor running;
    private BenchTarget target;
    private String[] keyArray;
    private KeySequence sequence;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (!monitor.equals("on") && !monitor.equals("off")) {
            throw new IllegalArgumentException("monitor must be on or off, was '" + monitor + "'");
        }
        dataDirectory = Files.createTempDirectory("grid-monitor-bench");
        int port = FreePorts.loopback(1).get(0);
        GridConfig config = new GridConfig()
                .setClusterName("perf-" + UUID.randomUUID().toString().substring(0, 8))
                .setPartitionCount(partitions)
                .setDataDirectory(dataDirectory)
                .setMonitorPort(0)
                .addMap(new GridMapConfig(MAP).setEntries(keys).setAverageKeySize(16).setAverageValueSize(MapWorkload.VALUE_SIZE + 4))
                .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0");
        config.getNetwork().setPort(port).setPortAutoIncrement(false).setMembers(List.of("127.0.0.1:" + port));
        member = Grid.embedded(config);
        GridMap<String, byte[]> map = member.map(MAP);
        target = new GridMapTarget(member, MAP);
        keyArray = MapWorkload.keys(keys);
        sequence = KeySequence.of(distribution, keys, 42);
        byte[][] values = MapWorkload.values(MapWorkload.VALUE_POOL, new java.util.SplittableRandom(42));
        Map<String, byte[]> batch = new HashMap<>();
        for (int i = 0; i < keyArray.length; i++) {
            batch.put(keyArray[i], values[i & (MapWorkload.VALUE_POOL - 1)]);
            if (batch.size() == 10_000 || i == keyArray.length - 1) {
                map.putAll(batch);
                batch.clear();
            }
        }
        if (map.size() != keys) {
            throw new IllegalStateException("populated " + map.size() + " of " + keys + " keys");
        }
        if (monitor.equals("on")) {
            running = GridMonitor.start(member);
            MapWorkload.log("monitor on: counters file " + running.countersFile() + ", dashboard " + running.url().orElse("(no HTTP)"));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        MapWorkload.log(target.stats());
        if (running != null) {
            running.close();
        }
        member.hazelcast().getLifecycleService().terminate();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** @return the value, consumed by JMH so the read cannot be optimised away */
    @Benchmark
    public byte[] get(KeyCursor cursor) {
        return target.read(keyArray[sequence.indexAt(cursor.next())]);
    }
}
