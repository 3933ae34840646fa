package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.test.CpTestSupport;
import dev.grid.lock.test.LockHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lock cycles from every member and from a client, recorded with real-time intervals and checked
 * for mutual exclusion and fence order, while the CP group's leader is killed, then a follower.
 * Every holder also writes a GridMap key with its fence ({@code setFenced}): none of those writes
 * may be rejected, and the key ends with the value of the highest fence. Prints the time the group
 * took to form, to elect a new leader, and to replace the lost members. Snapshots are taken every
 * 200 entries, so each replacement catches up from a snapshot, not from the log alone.
 */
class LockHistoryUnderFaultsTest {
    private static final int MEMBERS = 5;
    private final List<Grid> members = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final Map<String, Grid> workerMembers = new ConcurrentHashMap<>();
    private final LockHistory history = new LockHistory();
    private final Map<Long, String> fencedWrites = new ConcurrentHashMap<>();
    private Grid client;
    private TestClusters cluster;
    private String lockName;

    @AfterEach
    void stopEverything() throws InterruptedException {
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        if (client != null) {
            client.close();
        }
        members.forEach(member -> member.hazelcast().getLifecycleService().terminate());
    }

    /** Tagged {@code faults} (members killed for about 15 s): CI runs it in its fault step. */
    @Test
    @Tag("faults")
    void holdersNeverOverlapAndFencesIncreaseWhileCpMembersDie() throws Exception {
        run(1);
    }

    /** The same for longer: rounds of leader and follower kills, a new member joining after each. */
    @Test
    @Tag("soak")
    void holdersNeverOverlapAndFencesIncreaseOverManyRoundsOfFaults() throws Exception {
        run(8);
    }

    private void run(int rounds) throws Exception {
        boolean replenish = rounds > 1;
        cluster = TestClusters.of(MEMBERS + (replenish ? 2 * rounds : 0), 11);
        long firstStart = System.nanoTime();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(Grid.embedded(memberConfig()));
            if (i == 2) {
                long thirdJoined = System.nanoTime();
                CpTestSupport.awaitLeader(members, Duration.ofSeconds(30));
                long formed = System.nanoTime();
                System.out.printf("CP group formed: leader elected %d ms after the 3rd member joined (%d ms after the 1st started)%n",
                        TimeUnit.NANOSECONDS.toMillis(formed - thirdJoined), TimeUnit.NANOSECONDS.toMillis(formed - firstStart));
            }
        }
        lockName = "history-" + UUID.randomUUID();
        for (Grid member : members) {
            startWorkers(member);
        }
        client = Grid.client(new GridClientConfig().setClusterName(cluster.clusterName()).setAddresses(cluster.memberAddresses()));
        for (int t = 0; t < 2; t++) {
            startWorker(client, lockName, "client/" + t);
        }
        awaitProgress(200);

        for (int round = 1; round <= rounds; round++) {
            List<Grid> alive = alive();
            Grid leader = CpTestSupport.awaitLeader(alive, Duration.ofSeconds(30));
            long killed = System.nanoTime();
            leader.hazelcast().getLifecycleService().terminate();
            alive = alive();
            CpTestSupport.awaitLeader(alive, Duration.ofSeconds(30));
            System.out.printf("Failover: a new CP leader was elected %d ms after the leader was killed%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
            awaitFullGroup(alive, killed, "the killed leader");
            awaitProgress(200);
            if (replenish) {
                startWorkers(join());
            }

            alive = alive();
            Grid currentLeader = CpTestSupport.awaitLeader(alive, Duration.ofSeconds(30));
            Grid follower = alive.stream().filter(m -> CpTestSupport.cp(m).group().isMember() && m != currentLeader)
                    .findFirst().orElseThrow();
            killed = System.nanoTime();
            follower.hazelcast().getLifecycleService().terminate();
            alive = alive();
            awaitFullGroup(alive, killed, "the killed follower");
            awaitProgress(round == rounds ? 300 : 200);
            if (replenish) {
                startWorkers(join());
            }
        }

        stop.set(true);
        for (Thread worker : workers) {
            worker.join(20_000);
            assertTrue(!worker.isAlive(), worker.getName() + " did not stop");
        }
        for (Map.Entry<String, Throwable> failure : failures.entrySet()) {
            if (workerMembers.get(failure.getKey()).isRunning()) {
                throw new AssertionError("worker " + failure.getKey() + " on a live member failed", failure.getValue());
            }
        }
        List<String> violations = history.violations();
        System.out.printf("History: %d acquisitions (%d released and acknowledged) by %d workers, %d violations%n",
                history.size(), history.releasedCount(), workers.size(), violations.size());
        assertEquals(List.of(), violations);
        assertTrue(history.releasedCount() > 600, "progress under faults: " + history.releasedCount());
        List<java.util.UUID> initial = CpTestSupport.view(alive().get(0)).initialMembers();
        for (Grid member : alive()) {
            if (CpTestSupport.cp(member).group().isMember() && !initial.contains(CpTestSupport.uuid(member))) {
                int installed = CpTestSupport.cp(member).group().node().getReport().join().getResult().getLog().getInstallSnapshotCount();
                assertTrue(installed >= 1, "a replacement catches up from a snapshot: " + installed);
            }
        }
        long highest = fencedWrites.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(fencedWrites.get(highest), alive().get(0).<String, String>map("fenced").get("guarded"),
                "the guarded key holds what the holder with the highest fence wrote");
    }

    private GridConfig memberConfig() {
        GridConfig config = cluster.nextMemberConfig();
        config.getCp().setCommitCountToTakeSnapshot(200)
                .setSessionTtl(Duration.ofSeconds(6)).setSessionHeartbeatInterval(Duration.ofSeconds(1));
        return config;
    }

    private Grid join() {
        Grid member = Grid.embedded(memberConfig());
        members.add(member);
        return member;
    }

    private void startWorkers(Grid member) {
        for (int t = 0; t < 2; t++) {
            startWorker(member, lockName, member.localMember().orElseThrow().port() + "/" + t);
        }
    }

    private List<Grid> alive() {
        List<Grid> alive = new ArrayList<>();
        for (Grid member : members) {
            if (member.isRunning()) {
                alive.add(member);
            }
        }
        return alive;
    }

    private void awaitProgress(int moreReleases) {
        long target = history.releasedCount() + moreReleases;
        await().atMost(Duration.ofSeconds(60)).until(() -> history.releasedCount() >= target || !failures.isEmpty() && anyLiveFailure());
        for (Map.Entry<String, Throwable> failure : failures.entrySet()) {
            if (workerMembers.get(failure.getKey()).isRunning()) {
                throw new AssertionError("worker " + failure.getKey() + " on a live member failed", failure.getValue());
            }
        }
    }

    private boolean anyLiveFailure() {
        return failures.keySet().stream().anyMatch(worker -> workerMembers.get(worker).isRunning());
    }

    private void awaitFullGroup(List<Grid> alive, long since, String what) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Grid leader = CpTestSupport.leader(alive).orElse(null);
            if (leader == null) {
                return false;
            }
            var voting = CpTestSupport.cp(leader).group().node().getCommittedMembers().getVotingMembers();
            return voting.size() == 3 && voting.stream().allMatch(e -> alive.stream().anyMatch(
                    m -> CpTestSupport.uuid(m).equals(((dev.grid.lock.impl.raft.model.CpEndpoint) e).uuid())));
        });
        System.out.printf("Replacement: the group has 3 voting members again %d ms after %s died "
                        + "(removal, then a spare member's catch-up as a learner and promotion)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since), what);
    }

    /**
     * GridMap's client does not resend a write whose member died before answering; this one is safe
     * to resend (the same fence and value), so the holder does.
     */
    private static void writeFenced(GridMap<String, String> map, String value, long fence) {
        for (int attempt = 1; ; attempt++) {
            try {
                map.setFenced("guarded", value, fence);
                return;
            } catch (TargetDisconnectedException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void startWorker(Grid member, String lockName, String name) {
        FencedLock lock = GridLocks.of(member).get(lockName);
        GridMap<String, String> guarded = member.map("fenced");
        workerMembers.put(name, member);
        Thread worker = new Thread(() -> {
            String step = "lock";
            try {
                while (!stop.get()) {
                    step = "lock";
                    long start = System.nanoTime();
                    long fence = ThreadLocalRandom.current().nextBoolean() ? lock.lockAndGetFence()
                            : lock.tryLockAndGetFence(2, TimeUnit.SECONDS);
                    long end = System.nanoTime();
                    if (fence == FencedLock.INVALID_FENCE) {
                        continue;
                    }
                    history.acquired(name, start, end, fence);
                    String value = name + "@" + fence;
                    step = "setFenced";
                    writeFenced(guarded, value, fence); // a live holder's write is never rejected
                    fencedWrites.put(fence, value);
                    step = "unlock";
                    long releaseStart = System.nanoTime();
                    boolean acknowledged = false;
                    try {
                        lock.unlock();
                        acknowledged = true;
                    } finally {
                        history.released(name, releaseStart, System.nanoTime(), acknowledged);
                    }
                }
            } catch (Throwable t) {
                failures.put(name, new AssertionError(step + " failed", t));
            }
        }, "lock-worker-" + name);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
    }
}
