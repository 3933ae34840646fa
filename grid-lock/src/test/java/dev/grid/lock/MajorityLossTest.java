package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridConfig;
import dev.grid.core.MetricsCollector;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two of three CP members die: the survivor reports the lost majority, and lock calls fail clearly instead of hanging. */
class MajorityLossTest {
    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stop() {
        members.forEach(member -> member.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void survivorReportsTheLostMajorityAndLockCallsFailWithAClearError() {
        TestClusters cluster = TestClusters.of(3, 11);
        for (int i = 0; i < 3; i++) {
            GridConfig config = cluster.nextMemberConfig();
            config.getCp().setSessionTtl(Duration.ofSeconds(2)).setSessionHeartbeatInterval(Duration.ofSeconds(1));
            members.add(Grid.embedded(config));
        }
        CpTestSupport.awaitLeader(members, Duration.ofSeconds(30));
        Grid survivor = members.get(0);
        FencedLock lock = GridLocks.of(survivor).get("orphan");
        lock.lock();
        lock.unlock();
        await().atMost(Duration.ofSeconds(10)).until(() -> majorityAvailable(survivor) == 1.0);

        members.get(1).hazelcast().getLifecycleService().terminate();
        members.get(2).hazelcast().getLifecycleService().terminate();

        await().atMost(Duration.ofSeconds(30)).until(() -> majorityAvailable(survivor) == 0.0);
        long start = System.nanoTime();
        CpUnavailableException e = assertThrows(CpUnavailableException.class, () -> lock.tryLock(1, TimeUnit.SECONDS));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("grid.cp.sessionTtl"), e.getMessage());
        assertTrue(tookMillis < 15_000, "gave up after " + tookMillis + " ms");
    }

    private static double majorityAvailable(Grid member) {
        AtomicReference<Double> value = new AtomicReference<>();
        GridLocks.of(member);
        member.metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double v) {
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double v) {
                if (name.equals("grid_cp_majority_available")) {
                    value.set(v);
                }
            }
        });
        return value.get();
    }
}
