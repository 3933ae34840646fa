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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code get} of a present key on one embedded member (GridMap's local fast path), from a GridMap
 * whose stores grew to hold the keyspace, side by side with the same GridMap sized for its peak.
 * {@code grown}: configured for 1 entry, so each partition store starts at the floor of 128 entries
 * and doubles six times while the map is populated (200,000 keys over 31 partitions: about 6,450
 * per partition, 50x the floor); {@code peak}: configured for the keyspace, no growth. Setup waits
 * until every growth has finished and prints each map's stores (capacity, memory) and growth figures.
 *
 * <p>The warm-up is long (8 x 3 s): populating leaves garbage and uncompiled code behind, and
 * shorter warm-ups were still settling. p50 is the figure to compare ({@code -bm sample}); on a
 * shared machine run the two sizings alternately, several times each, rather than once in a row.
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar GrownGetBenchmark -bm sample -f 1 -p sizing=peak     # then -p sizing=grown
 * java -jar perf/target/grid-perf.jar GrownGetBenchmark -p distribution=uniform -bm sample
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GrownGetBenchmark {
    static final String PEAK = "peak";
    static final String GROWN = "grown";

    /** The keyspace: every key is present. */
    @Param({"200000"})
    public int keys;

    /** The cluster's partition count: with the default keys, 31 makes each store grow 50x from its floor. */
    @Param({"31"})
    public int partitions;

    /** {@code zipf} (YCSB's skew, hot keys scattered) or {@code uniform}. */
    @Param({"zipf"})
    public String distribution;

    /** {@value #PEAK}: sized for the keyspace; {@value #GROWN}: sized for 1 entry, grown while populated. */
    @Param({PEAK, GROWN})
    public String sizing;

    private MapWorkload workload;
    private BenchTarget target;
    private String[] keyArray;
    private KeySequence sequence;

    @Setup(Level.Trial)
    public void setUp() {
        workload = MapWorkload.start(MapWorkload.GRID_MAP, 1, keys, distribution, partitions, configuredEntries(sizing, keys));
        target = workload.map;
        keyArray = workload.keys;
        sequence = workload.sequence;
        StoreGrowth growth = StoreGrowth.of(workload.caller(), MapWorkload.GRID_MAP_NAME);
        growth.awaitSettled(Duration.ofMinutes(1));
        MapWorkload.log(sizing + ": " + growth.describeStores());
        MapWorkload.log(sizing + ": " + StoreGrowth.describe(growth.stats()));
    }

    /** @return what the map is configured for: the keyspace ({@value #PEAK}) or 1 entry ({@value #GROWN}) */
    static long configuredEntries(String sizing, long keys) {
        switch (sizing) {
            case PEAK:
                return keys;
            case GROWN:
                return 1;
            default:
                throw new IllegalArgumentException("sizing must be " + PEAK + " or " + GROWN + ", was '" + sizing + "'");
        }
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
