package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.MetricsCollector;
import dev.grid.core.test.GridCluster;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uncontended lock+unlock pairs per second from one thread, on a three-member CP group: from the
 * leader's member and from a follower's (whose calls are forwarded). A measurement printed for
 * the record, not a benchmark (JMH benchmarks belong in perf/); it asserts only a low floor. Also
 * checks the CP metrics the members report.
 */
class LockThroughputTest {
    private static final int WARMUP = 500;
    private static final int PAIRS = 1000;
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(11);
    private static Grid leader;

    @BeforeAll
    static void awaitLeader() {
        leader = CpTestSupport.awaitLeader(CLUSTER.members(), Duration.ofSeconds(30));
    }

    @Test
    void uncontendedPairsPerSecond() {
        Grid follower = CLUSTER.members().stream().filter(m -> m != leader).findFirst().orElseThrow();
        double fromLeader = pairsPerSecond(leader, "throughput-leader");
        double fromFollower = pairsPerSecond(follower, "throughput-follower");
        System.out.printf("Uncontended lock+unlock, one thread, 3-member CP group: %.0f pairs/s from the leader's member, "
                + "%.0f pairs/s from a follower's member%n", fromLeader, fromFollower);
        assertTrue(fromLeader > 100 && fromFollower > 100, fromLeader + " / " + fromFollower);
    }

    private static double pairsPerSecond(Grid member, String name) {
        FencedLock lock = GridLocks.of(member).get(name);
        long previous = 0;
        for (int i = 0; i < WARMUP; i++) {
            previous = Math.max(previous, lock.lockAndGetFence());
            lock.unlock();
        }
        long start = System.nanoTime();
        for (int i = 0; i < PAIRS; i++) {
            long fence = lock.lockAndGetFence();
            assertTrue(fence > previous);
            previous = fence;
            lock.unlock();
        }
        return PAIRS / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void membersReportTheGroupInTheirMetrics() {
        FencedLock lock = GridLocks.of(leader).get("metrics");
        lock.lock();
        Map<String, Double> leaderMetrics = metrics(leader);
        lock.unlock();
        assertEquals(1.0, leaderMetrics.get("grid_cp_leader"));
        assertEquals(1.0, leaderMetrics.get("grid_cp_member"));
        assertEquals(1.0, leaderMetrics.get("grid_cp_leader_known"));
        assertEquals(1.0, leaderMetrics.get("grid_cp_majority_available"));
        assertEquals(3.0, leaderMetrics.get("grid_cp_voting_members"));
        assertTrue(leaderMetrics.get("grid_cp_raft_term") >= 1);
        assertTrue(leaderMetrics.get("grid_cp_commit_index") > 0);
        assertTrue(leaderMetrics.get("grid_lock_held") >= 1);
        assertTrue(leaderMetrics.get("grid_lock_acquires_total") >= 1);
        assertTrue(leaderMetrics.containsKey("grid_lock_waits_total"));
        assertTrue(leaderMetrics.containsKey("grid_cp_session_expiries_total"));
        for (Grid member : CLUSTER.members()) {
            Map<String, Double> metrics = metrics(member);
            assertEquals(member == leader ? 1.0 : 0.0, metrics.get("grid_cp_leader"));
            assertEquals(1.0, metrics.get("grid_cp_leader_known"));
        }
    }

    private static Map<String, Double> metrics(Grid member) {
        GridLocks.of(member); // registers the CP metrics once
        Map<String, Double> values = new HashMap<>();
        member.metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                values.put(name, value);
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                values.put(name, value);
            }
        });
        return values;
    }
}
