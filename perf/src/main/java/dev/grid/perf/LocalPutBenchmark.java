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
 * Overwriting a present key with a new 100-byte value on one embedded member: GridMap {@code set}
 * and IMap {@code set} (neither returns the previous value; both run on the partition thread),
 * {@code ConcurrentHashMap.put} (stores a reference) and a raw Chronicle Map's {@code put} (copies
 * the value off-heap). With one member there is no backup to wait for. Keys are visited in a
 * precomputed Zipf-skewed or uniform order; values cycle through a pool of 1024.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar LocalPutBenchmark                                   # full: 1M keys, 2 forks
 * java -jar perf/target/grid-perf.jar LocalPutBenchmark -p keys=100000 -f 1 -wi 2 -i 3    # quick
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LocalPutBenchmark {
    /** The keyspace: every key is present before the first write. */
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
    private byte[][] values;

    @Setup(Level.Trial)
    public void setUp() {
        workload = MapWorkload.start(map, 1, keys, distribution, partitions);
        target = workload.map;
        keyArray = workload.keys;
        sequence = workload.sequence;
        values = workload.values;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public void set(KeyCursor cursor) {
        int position = cursor.next();
        target.update(keyArray[sequence.indexAt(position)], values[position & (MapWorkload.VALUE_POOL - 1)]);
    }
}
