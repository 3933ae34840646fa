package dev.grid.perf;

import dev.grid.core.Grid;
import dev.grid.core.spi.GrowthSnapshot;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.targets.GridMapTarget;
import org.HdrHistogram.Histogram;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What growth costs the writes that cause it: each iteration fills a fresh GridMap on one embedded
 * member with {@code perPartition} entries per partition by {@code set} from one thread, timing every
 * call, side by side with the same map sized for its peak. {@code grown}: configured for 1 entry, so
 * each store starts at the floor of 128 entries and doubles six times (6,400 per partition: 50x);
 * {@code peak}: configured for every entry, no growth. The score is the time of one fill. After each
 * iteration it prints the calls' latency percentiles, the JVM's GC time during the fill, the most
 * off-heap memory the stores reserved at once (a growing store holds its old and its new table), and
 * the growth figures, among them the longest growth step a partition thread ran, by kind (adopting a
 * table, a move step, or a write that found its table full waiting for the larger one): the longest
 * pause growth put in front of an operation. At the end of the trial it prints the same over the
 * measured iterations ({@code GROWTH PAUSE ...}).
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar GrowthPauseBenchmark                      # both sizings, 2 forks of 3+5 fills, ~3 min
 * java -jar perf/target/grid-perf.jar GrowthPauseBenchmark -p perPartition=64000 -p sizing=grown -f 1 -wi 1 -i 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GrowthPauseBenchmark {
    /** {@code peak}: sized for every entry; {@code grown}: sized for 1 entry, grown while filled. */
    @Param({GrownGetBenchmark.GROWN, GrownGetBenchmark.PEAK})
    public String sizing;

    /** The cluster's partition count. */
    @Param({"31"})
    public int partitions;

    /** Entries each partition ends with (6,400: 50x the 128-entry floor). */
    @Param({"6400"})
    public int perPartition;

    private EmbeddedMembers members;
    private Grid member;
    private BenchTarget map;
    private String[] keys;
    private byte[][] values;
    private StoreGrowth stores;
    private final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
    private final Histogram measuredLatencies = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
    /** The most the map's stores reserved at once during the fill (sampled every {@value #SAMPLE_EVERY} sets). */
    private long peakReserved;
    private long gcMillisBefore;
    private long gcCountBefore;
    // over the measured iterations:
    private final GrowthTotals totals = new GrowthTotals();
    private int measuredIterations;

    /** Sets between two samples of the stores' reservation (outside the timed calls). */
    private static final int SAMPLE_EVERY = 1024;

    @Setup(Level.Trial)
    public void setUp() {
        int count = perPartition * partitions;
        keys = MapWorkload.keys(count);
        values = MapWorkload.values(MapWorkload.VALUE_POOL, new SplittableRandom(42));
        members = EmbeddedMembers.start(1, partitions,
                MapWorkload.gridMapConfig(GrownGetBenchmark.configuredEntries(sizing, count)));
        member = members.caller();
    }

    @Setup(Level.Iteration)
    public void freshMap() {
        map = new GridMapTarget(member, MapWorkload.GRID_MAP_NAME);
        stores = null;
        latencies.reset();
        peakReserved = 0;
        gcMillisBefore = gcMillis();
        gcCountBefore = gcCount();
    }

    /** @return the entries written (consumed by JMH) */
    @Benchmark
    public int fill() {
        for (int i = 0; i < keys.length; i++) {
            long start = System.nanoTime();
            map.update(keys[i], values[i & (MapWorkload.VALUE_POOL - 1)]);
            latencies.recordValue(Math.min(System.nanoTime() - start, latencies.getHighestTrackableValue()));
            if ((i & (SAMPLE_EVERY - 1)) == 0) {
                if (stores == null) {
                    stores = StoreGrowth.of(member, MapWorkload.GRID_MAP_NAME); // the map's container exists from the first set
                }
                peakReserved = Math.max(peakReserved, stores.reserved());
            }
        }
        return keys.length;
    }

    @TearDown(Level.Iteration)
    public void report(IterationParams iteration) {
        if (stores == null) {
            stores = StoreGrowth.of(member, MapWorkload.GRID_MAP_NAME);
        }
        stores.awaitSettled(Duration.ofMinutes(1));
        GrowthSnapshot growth = stores.stats();
        long gcMillis = gcMillis() - gcMillisBefore;
        long gcCount = gcCount() - gcCountBefore;
        MapWorkload.log(String.format("%s: %,d sets, latency p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.3f ms; GC %d "
                        + "collections, %d ms; off-heap reserved at most %.1f MB during the fill; %s; %s",
                sizing, latencies.getTotalCount(), latencies.getValueAtPercentile(50) / 1e3,
                latencies.getValueAtPercentile(99) / 1e3, latencies.getValueAtPercentile(99.9) / 1e3,
                latencies.getMaxValue() / 1e6, gcCount, gcMillis, peakReserved / 1e6, StoreGrowth.describe(growth),
                stores.describeStores()));
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measuredIterations++;
            measuredLatencies.add(latencies);
            totals.add(growth, peakReserved, stores.reserved());
        }
        map.close(); // destroys the map: the next iteration fills a fresh one
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        MapWorkload.log(String.format("GROWTH PAUSE %s, %d measured fills of %,d entries: longest growth step on a partition "
                        + "thread %.3f ms (longest adopt %.3f, move %.3f, wait %.3f), most CPU in a step %.3f ms; steps %,d, %d over 1 ms; %d writes waited for a "
                        + "table; longest table creation %.3f ms (%d on a partition thread); off-heap reserved at most %.1f MB "
                        + "during a fill, %.1f MB after; set latency over all fills p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, "
                        + "p99.9 %.1f µs, p99.99 %.1f µs, max %.3f ms",
                sizing, measuredIterations, keys.length, totals.longestStep / 1e6, totals.longestAdopt / 1e6,
                totals.longestMove / 1e6, totals.longestWait / 1e6, totals.longestStepCpu / 1e6, totals.steps, totals.slowSteps, totals.waits,
                totals.longestCreate / 1e6, totals.createdOnPartitionThread, totals.peakReserved / 1e6,
                totals.finalReserved / 1e6, measuredLatencies.getValueAtPercentile(50) / 1e3,
                measuredLatencies.getValueAtPercentile(90) / 1e3, measuredLatencies.getValueAtPercentile(99) / 1e3,
                measuredLatencies.getValueAtPercentile(99.9) / 1e3, measuredLatencies.getValueAtPercentile(99.99) / 1e3,
                measuredLatencies.getMaxValue() / 1e6));
        members.close();
    }

    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    /** The growth figures of the measured fills: maxima and sums. */
    private static final class GrowthTotals {
        long longestStep;
        long longestStepCpu;
        long longestAdopt;
        long longestMove;
        long longestWait;
        long longestCreate;
        long steps;
        long slowSteps;
        long waits;
        long createdOnPartitionThread;
        long peakReserved;
        long finalReserved;

        void add(GrowthSnapshot growth, long peakReservedInFill, long reservedAfter) {
            longestStep = Math.max(longestStep, growth.longestStepNanos());
            longestStepCpu = Math.max(longestStepCpu, growth.longestStepCpuNanos());
            longestAdopt = Math.max(longestAdopt, growth.longestAdoptNanos());
            longestMove = Math.max(longestMove, growth.longestMoveNanos());
            longestWait = Math.max(longestWait, growth.longestWaitNanos());
            longestCreate = Math.max(longestCreate, growth.longestCreateNanos());
            steps += growth.steps();
            slowSteps += growth.slowSteps();
            waits += growth.waits();
            createdOnPartitionThread += growth.createdOnPartitionThread();
            peakReserved = Math.max(peakReserved, peakReservedInFill);
            finalReserved = Math.max(finalReserved, reservedAfter);
        }
    }
}
