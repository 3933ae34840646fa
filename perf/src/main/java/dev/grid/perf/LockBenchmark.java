package dev.grid.perf;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.config.GridMapConfig;
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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * FencedLock lock+unlock pairs per second on a 3-member CP group (3 members in this JVM, on
 * 127.0.0.1), called from the Raft leader's member, from a follower (which sends each call to the
 * leader) and from a client: {@code uncontended} from one thread, {@code contended} from 4 threads
 * on the same lock. Each operation is one pair (two Raft commits). Which member leads is found at
 * setup from the members' CP services, and printed; a leader change during the trial is printed too
 * (the figures of that trial then mix both roles). After each iteration it prints the JVM's CPU time
 * per pair (all three members, the client and the callers together): on a machine shared with other
 * work that is steadier than the throughput.
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

    private static final int MEMBERS = 3;

    /** Where the calls come from: the leader's member, a follower member, or a client. */
    @Param({"leader", "follower", "client"})
    public String caller;

    private EmbeddedMembers cluster;
    private Grid client;
    private FencedLock lock;
    private int leaderAtSetup;
    private final LongAdder pairs = new LongAdder();
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = EmbeddedMembers.start(MEMBERS, 71, new GridMapConfig("unused"));
        awaitGroup(GridLocks.of(cluster.member(0)).get("bench"));
        leaderAtSetup = leader();
        Grid from;
        switch (caller) {
            case "leader":
                from = cluster.member(leaderAtSetup);
                break;
            case "follower":
                from = cluster.member((leaderAtSetup + 1) % MEMBERS);
                break;
            case "client":
                client = Grid.client(cluster.clientConfig());
                from = client;
                break;
            default:
                throw new IllegalArgumentException("caller must be leader, follower or client, was " + caller);
        }
        lock = GridLocks.of(from).get("bench");
        awaitGroup(lock);
        System.out.println("CP leader: member" + leaderAtSetup + "; calls from " + caller
                + (caller.equals("follower") ? " member" + (leaderAtSetup + 1) % MEMBERS : ""));
    }

    /** The CP group forms once the members have joined; the first lock call waits for it. */
    private static void awaitGroup(FencedLock lock) {
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

    /** @return the index of the member whose Raft node leads the CP group (waits for one) */
    private int leader() {
        long deadline = System.nanoTime() + GROUP_TIMEOUT.toNanos();
        while (true) {
            for (int i = 0; i < MEMBERS; i++) {
                if (GridLocks.of(cluster.member(i)).status().localLeader()) {
                    return i;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no CP leader among the " + MEMBERS + " members after " + GROUP_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        pairs.reset();
        cpuAtStart = processCpuNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long cpu = processCpuNanos() - cpuAtStart;
        long count = pairs.sum();
        System.out.printf("[cpu %.1f us/pair over %d pairs] ", count == 0 ? 0.0 : cpu / 1000.0 / count, count);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int leaderAtEnd = leader();
        if (leaderAtEnd != leaderAtSetup) {
            System.out.println("CP leader changed during the trial: member" + leaderAtSetup + " -> member" + leaderAtEnd);
        }
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
        pairs.increment();
        return fence;
    }

    /** @return the fence, consumed by JMH */
    @Benchmark
    @Threads(4)
    public long contended() {
        long fence = lock.lockAndGetFence();
        lock.unlock();
        pairs.increment();
        return fence;
    }
}
