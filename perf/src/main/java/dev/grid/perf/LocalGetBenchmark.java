package dev.grid.perf;

import dev.grid.perf.bench.targets.BenchTarget;
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

import java.util.concurrent.TimeUnit;

/**
 * {@code get} of a present key, 100-byte values, on one embedded member (which owns every partition,
 * so GridMap serves each get from its off-heap store on the calling thread), side by side with
 * Hazelcast's IMap on the same member, a {@code ConcurrentHashMap} (the on-heap floor) and one raw
 * Chronicle Map sized for the keyspace (the off-heap floor). Keys are visited in a precomputed
 * Zipf-skewed or uniform order. Throughput, and sampled latency for the percentiles.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar LocalGetBenchmark                                   # full: 1M keys, 2 forks
 * java -jar perf/target/grid-perf.jar LocalGetBenchmark -p keys=100000 -f 1 -wi 2 -i 3    # quick
 * java -jar perf/target/grid-perf.jar LocalGetBenchmark -p map=GridMap -p distribution=zipf -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LocalGetBenchmark {
    /** The keyspace: every key is present. */
    @Param({"1000000"})
    public int keys;

    /** {@code zipf} (YCSB's skew, hot keys scattered) or {@code uniform}. */
    @Param({"zipf", "uniform"})
    public String distribution;

    /** The map under test. */
    @Param({MapWorkload.GRID_MAP, MapWorkload.IMAP, MapWorkload.CONCURRENT_HASH_MAP, MapWorkload.CHRONICLE_MAP})
    public String map;

    /** The cluster's partition count (GridMap keeps one Chronicle store per partition); 271 is the default. */
    @Param({"271"})
    public int partitions;

    private MapWorkload workload;
    private BenchTarget target;
    private String[] keyArray;
    private KeySequence sequence;

    @Setup(Level.Trial)
    public void setUp() {
        workload = MapWorkload.start(map, 1, keys, distribution, partitions);
        target = workload.map;
        keyArray = workload.keys;
        sequence = workload.sequence;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** @return the value, consumed by JMH so the read cannot be optimised away */
    @Benchmark
    public byte[] get(KeyCursor cursor) {
        return target.read(keyArray[sequence.indexAt(cursor.next())]);
    }
}
