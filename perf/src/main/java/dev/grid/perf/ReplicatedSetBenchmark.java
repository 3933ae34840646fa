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
 * {@code set} of a present key with one synchronous backup, on three members in this JVM (on
 * 127.0.0.1, tcp-ip join, a random cluster name, free ports), called from the first member:
 * GridMap against Hazelcast's IMap. About two keys in three are owned by another member, so most
 * writes cross the loopback twice (to the owner, and from it to the backup) before they return.
 * 100-byte values; keys in a precomputed Zipf-skewed or uniform order.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar ReplicatedSetBenchmark                                   # full: 1M keys, 2 forks
 * java -jar perf/target/grid-perf.jar ReplicatedSetBenchmark -p keys=100000 -f 1 -wi 2 -i 3    # quick
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ReplicatedSetBenchmark {
    /** The keyspace: every key is present before the first write. */
    @Param({"1000000"})
    public int keys;

    /** {@code zipf} (YCSB's skew, hot keys scattered) or {@code uniform}. */
    @Param({"zipf", "uniform"})
    public String distribution;

    /** The map under test (backup count 1, synchronous, in both). */
    @Param({MapWorkload.GRID_MAP, MapWorkload.IMAP})
    public String map;

    /** Members in the cluster. */
    @Param({"3"})
    public int members;

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
        workload = MapWorkload.start(map, members, keys, distribution, partitions);
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
