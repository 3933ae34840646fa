package dev.grid.perf;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridMapConfig;
import dev.grid.lock.CpUnavailableException;
import dev.grid.lock.GridLocks;
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

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * FencedLock lock+unlock pairs per second on a 3-member CP group (3 members in this JVM, on
 * 127.0.0.1), called from each member in turn (one of them is the Raft leader, the others forward
 * to it) and from a client: {@code uncontended} from one thread, {@code contended} from 4 threads
 * on the same lock. Each operation is one pair (two Raft commits).
 *
 * <p>Run (after {@code mvn -B -q -o package -pl perf -am -DskipTests}):
 * <pre>
 * java -jar perf/target/grid-perf.jar LockBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LockBenchmark {
    private static final Duration GROUP_TIMEOUT = Duration.ofMinutes(1);

    /** Where the calls come from: {@code member0..member2} or {@code client}. */
    @Param({"member0", "member1", "member2", "client"})
    public String from;

    private EmbeddedMembers cluster;
    private Grid client;
    private FencedLock lock;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = EmbeddedMembers.start(3, 71, new GridMapConfig("unused"));
        Grid caller;
        if (from.equals("client")) {
            client = Grid.client(cluster.clientConfig());
            caller = client;
        } else {
            caller = cluster.member(Integer.parseInt(from.substring("member".length())));
        }
        lock = GridLocks.of(caller).get("bench");
        awaitGroup();
    }

    /** The CP group forms once the members have joined; the first lock call waits for it. */
    private void awaitGroup() {
        long deadline = System.nanoTime() + GROUP_TIMEOUT.toNanos();
        while (true) {
            try {
                lock.lock();
                lock.unlock();
                return;
            } catch (CpUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    /** @return the fence, consumed by JMH */
    @Benchmark
    @Threads(1)
    public long uncontended() {
        long fence = lock.lockAndGetFence();
        lock.unlock();
        return fence;
    }

    /** @return the fence, consumed by JMH */
    @Benchmark
    @Threads(4)
    public long contended() {
        long fence = lock.lockAndGetFence();
        lock.unlock();
        return fence;
    }
}
