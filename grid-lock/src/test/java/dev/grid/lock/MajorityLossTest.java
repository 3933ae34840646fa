package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridEvent;
import dev.grid.core.MetricsCollector;
import dev.grid.core.config.GridConfig;
import dev.grid.core.test.ManualClock;
import dev.grid.core.test.TestClusters;
import dev.grid.core.test.Threads;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two of three CP members die: the survivor reports the lost majority once it has been missing for the grace
 * period ({@code grid.cp.leaderHeartbeatTimeout}), and a lock call fails with a clear error once it has gone
 * unanswered for {@code grid.cp.sessionTtl}, instead of hanging. Both periods are measured with the members'
 * clock, a {@link ManualClock} here: they pass when the test advances it, not before, and no test waits for them.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MajorityLossTest {
    private static final Duration SESSION_TTL = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(2);
    private final ManualClock clock = new ManualClock();
    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stop() {
        members.forEach(member -> member.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void survivorReportsTheLostMajorityAfterTheGraceAndLockCallsFailAfterTheSessionTtl() throws Exception {
        TestClusters cluster = TestClusters.of(3, 11);
        for (int i = 0; i < 3; i++) {
            GridConfig config = cluster.nextMemberConfig().setClock(clock);
            config.getCp().setSessionTtl(SESSION_TTL).setLeaderHeartbeatTimeout(GRACE);
            members.add(Grid.embedded(config));
        }
        Grid leader = CpTestSupport.awaitLeader(members, Duration.ofSeconds(30));
        Grid survivor = members.stream().filter(m -> m != leader).findFirst().orElseThrow();
        List<CpEvent> published = new CopyOnWriteArrayList<>();
        survivor.events().subscribe(event -> {
            if (event instanceof CpEvent cp) {
                published.add(cp);
            }
        });
        FencedLock lock = GridLocks.of(survivor).get("orphan");
        lock.lock();
        lock.unlock();
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(survivor, "grid_cp_majority_available") == 1.0);
        for (Grid member : members) {
            await().atMost(Duration.ofSeconds(10)).until(() -> GridLocks.of(member).status().majorityAvailable());
            assertEquals(new CpStatus(true, true, true, member == leader), GridLocks.of(member).status(), "formed, a majority, one leader");
        }

        for (Grid member : members) {
            if (member != survivor) {
                member.hazelcast().getLifecycleService().terminate();
            }
        }
        // the survivor's majority watch has seen both go (no further loss tolerated was already true with one gone:
        // waiting for that alone let the clock move on before the watch saw the majority missing)
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge(survivor, "grid_cp_voting_present") == 1.0
                && gauge(survivor, "grid_cp_failures_tolerated") == 0.0 && survivor.members().size() == 1);
        assertEquals(1.0, gauge(survivor, "grid_cp_majority_available"), "within the grace period on the member's clock");
        assertTrue(published.isEmpty());
        long lossSeen = clock.millis();
        clock.advance(GRACE);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(survivor, "grid_cp_majority_available") == 0.0);
        // the watch flips the gauge, then publishes the event, which reaches subscribers on another thread
        await().atMost(Duration.ofSeconds(10)).until(() -> !published.isEmpty());
        assertEquals(1, published.size(), "published once: " + published);
        CpEvent.MajorityLost lost = (CpEvent.MajorityLost) published.get(0);
        assertEquals(lossSeen + GRACE.toMillis(), lost.timeMillis(), "at the end of the grace period");
        assertEquals(1, lost.present());
        assertEquals(3, lost.voting());
        assertEquals(GridEvent.Severity.ERROR, lost.severity());
        CpStatus status = GridLocks.of(survivor).status();
        assertTrue(status.enabled() && status.formed() && !status.majorityAvailable(), "the survivor's status: " + status);

        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Boolean> call = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return lock.tryLock(1, TimeUnit.SECONDS);
        });
        // the call's first attempt runs on the caller's thread before it waits: its retry window has begun
        await().atMost(Duration.ofSeconds(30)).until(() -> Threads.isWaitingIn(caller.get(), "tryLockAndGetFence", ""));
        clock.advance(SESSION_TTL);
        assertFalse(call.isDone(), "retried for the whole session TTL on the member's clock");
        clock.advance(Duration.ofMillis(1));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS),
                "fails within a retry back-off once the session TTL has passed");
        assertTrue(failed.getCause() instanceof CpUnavailableException, String.valueOf(failed.getCause()));
        assertTrue(failed.getCause().getMessage().contains("within " + SESSION_TTL.toMillis() + " ms (grid.cp.sessionTtl)"),
                failed.getCause().getMessage());
    }


    private static double gauge(Grid member, String metric) {
        AtomicReference<Double> value = new AtomicReference<>();
        GridLocks.of(member);
        member.metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double v) {
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double v) {
                if (name.equals(metric)) {
                    value.set(v);
                }
            }
        });
        return value.get();
    }
}
