package dev.grid.server.impl.chaos;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.impl.HazelcastConfigs;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.MapChange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GridMap change capture's promise checked from the outside: "a write acknowledged to the caller has its change in the
 * topic, a key's changes are in the order its owner applied them, delivery is at least once" (docs/gridmap.md, Change
 * capture). Three {@code grid start} member processes (the map {@value #MAP} with {@code changeCapture: true}, one
 * synchronous backup for the map and the change topic), a client in this JVM writing {@value #KEYS} keys at once
 * ({@link CapturedWriteChains}: puts with unique values through {@code setAsync} and {@code putAsync}, removals through
 * {@code removeAsync} and {@code deleteAsync}; only writes whose stage completed normally count as acknowledged). While
 * it writes, one member is killed with SIGKILL, restarted (a new {@code grid start} joining, partitions migrating
 * back), then another member is killed and the writes go on with two members. Then the writes stop and the whole
 * {@code __changes.}{@value #MAP} topic is read from offset 0 of every partition and compared with what was
 * acknowledged by {@link ChangeCaptureCheck}, which says precisely what "in the order its owner applied them" allows
 * for writes of one key that do not overlap: the key's acknowledged writes must be a subsequence of its records (a
 * record may be repeated, and writes that failed may or may not have a record), and no put's record may come before
 * the record of an acknowledged write that preceded it. Writes of one key in flight at once are not tested: their
 * order is not promised across an owner change.
 *
 * <p>Why the client counts only normal completions: an earlier round's failover tests passed while a client lost
 * acknowledged writes on SIGKILL because a timeout was reported as a success. Here a write whose owner dies is, on the
 * client, either sent again to the new owner ({@code setAsync}: a success only when an attempt was answered, the new
 * owner having applied the write again and appended its change again), or failed with
 * {@code IndeterminateWriteException} ({@code putAsync}, {@code removeAsync}, {@code deleteAsync}), or failed with
 * Hazelcast's {@code OperationTimeoutException} if no answer came in time: none of these failures is counted as
 * acknowledged, and a product change that completed such a write normally would be, and show up as lost (the mutant
 * that completes an indeterminate {@code putAsync}/{@code removeAsync}/{@code deleteAsync} normally fails this test).
 * Two cases: a smart client (requests go to each key's owner; any two of the three members are killed) and a client
 * that sends everything through member 0 ({@code RoutingMode.SINGLE_MEMBER}; members 1 and 2 are killed), whose
 * writes are forwarded and lose their owner on the forwarding member's side.
 *
 * <p>5 % of the writes are XA transactions ({@code -Dgrid.test.capture.xaPercent}), prepared, then committed 50 ms
 * later. Hazelcast's {@code XATransaction.commit} only logs a commit operation that failed and reports the commit as
 * done, so a key's commit must be sent again to the new owner when its owner is killed during it (grid-core's
 * {@code TxnCommitOperation}); without that the test failed with every lost write an XA commit ({@code lost by call:
 * {xa=6}} and {@code {xa=8}}).
 */
@Tag("faults")
class MapChangeCaptureKillProcessTest {
    private static final String MAP = "captured";
    private static final int KEYS = 400;
    /** Acknowledged writes awaited between the steps (before the first kill, after each kill and after the restart). */
    private static final long PROGRESS = 4_000;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    /** The share of writes made by XA transactions, in per cent ({@code -Dgrid.test.capture.xaPercent}, 5 by default). */
    private static final int XA_PERCENT = Integer.getInteger("grid.test.capture.xaPercent", 5);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteIsInTheChangeTopicInOrderAfterTwoKills(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        check(run(dir, false));
    }

    /**
     * The same through a client that sends every request to one member ({@code RoutingMode.SINGLE_MEMBER}, as clients
     * behind a load balancer do), which is never killed: the member forwards each write to the key's owner, and the
     * owners die under the forwarded writes.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteThroughOneMemberIsInTheChangeTopicInOrderAfterTwoKills(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        check(run(dir, true));
    }

    private static void check(ChangeCaptureCheck.Outcome outcome) {
        assertTrue(outcome.acknowledged() > 4 * PROGRESS, "the client was not busy: " + outcome.line());
        assertEquals(0, outcome.lost(), "acknowledged writes missing from the change topic: " + outcome.line());
        assertEquals(0, outcome.outOfOrder(), "acknowledged writes out of order in the change topic: " + outcome.line());
    }

    /**
     * @param throughOneMember whether the writes go through a client connected to member 0 only (then members 1 and 2
     *                         are the ones killed), else through a smart client (two of the three, chosen at random)
     */
    private static ChangeCaptureCheck.Outcome run(Path dir, boolean throughOneMember) throws Exception {
        ChaosSettings settings = new ChaosSettings(2, List.of(ChaosFault.KILL), 3, 1, 100, 1, 0, 31,
                ChaosCommand.memberJvmOptions("384m"), dir, false, 13, Duration.ofMinutes(2));
        String cluster = "capture-kill-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String routing = throughOneMember ? "through member 0" : "smart client";
        ChangeCaptureCheck.Outcome outcome;
        try (MemberCluster members = new MemberCluster(settings, cluster, List.of(MAP))) {
            members.startAll();
            members.awaitSafe(3, settings.settleTimeout());
            GridClientConfig clientConfig = new GridClientConfig().setClusterName(cluster).setAddresses(members.addresses());
            HazelcastInstance oneMemberClient = null;
            try (Grid client = Grid.client(clientConfig)) {
                client.<Integer, Long>map(MAP).set(-1, 0L); // creates the change topic before the load starts
                GridMap<Integer, Long> map;
                HazelcastInstance writer = client.hazelcast();
                if (throughOneMember) {
                    oneMemberClient = connectToOneMember(new GridClientConfig().setClusterName(cluster)
                            .setAddresses(List.of(members.addresses().get(0))));
                    DistributedObject proxy = oneMemberClient.getDistributedObject(GridMapService.SERVICE_NAME, MAP);
                    @SuppressWarnings("unchecked")
                    GridMap<Integer, Long> viaOneMember = (GridMap<Integer, Long>) proxy;
                    map = viaOneMember;
                    writer = oneMemberClient;
                } else {
                    map = client.map(MAP);
                }
                CapturedWriteChains writes = new CapturedWriteChains(map, writer, MAP, KEYS, XA_PERCENT);
                writes.start();
                try {
                    awaitProgress(writes, "before the first kill");
                    List<Integer> victims = new ArrayList<>(throughOneMember ? List.of(1, 2) : List.of(0, 1, 2));
                    Collections.shuffle(victims);
                    int first = victims.get(0);
                    kill(members, first, writes, 1);
                    awaitProgress(writes, "after the first kill");
                    members.start(first);
                    members.awaitSafe(3, settings.settleTimeout());
                    log("member " + first + " restarted, 3 members safe, " + writes.acknowledged() + " acknowledged");
                    awaitProgress(writes, "after the restart");
                    kill(members, victims.get(1), writes, 2);
                    awaitProgress(writes, "after the second kill");
                } finally {
                    writes.stop(2, TimeUnit.MINUTES);
                }
                members.awaitSafe(2, settings.settleTimeout());
                log("writes stopped (" + routing + "): " + writes.acknowledged() + " acknowledged (" + writes.transactionsCommitted()
                        + " of them transactions); failed writes " + writes.failures()
                        + "; acknowledged removals that removed nothing " + writes.removesOfNothing());
                outcome = ChangeCaptureCheck.check(writes.acknowledgedPerKey(), writes.acknowledgedCallsPerKey(), readChanges(GridLog.of(client)));
            } finally {
                if (oneMemberClient != null) {
                    oneMemberClient.shutdown();
                }
            }
        }
        log(outcome.line() + " (" + routing + ")");
        log("lost by call: " + outcome.lostByCall() + "; records of unacknowledged writes in the topic: " + outcome.unacknowledgedInTopic() + (outcome.examples().isEmpty() ? ""
                : "; examples: " + String.join("; ", outcome.examples())));
        return outcome;
    }

    /** @return a Hazelcast client configured as grid configures its clients, but sending every request to one member */
    private static HazelcastInstance connectToOneMember(GridClientConfig config) {
        ClientConfig hazelcast = HazelcastConfigs.client(config);
        hazelcast.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(RoutingMode.SINGLE_MEMBER);
        return HazelcastClient.newHazelcastClient(hazelcast);
    }

    private static void kill(MemberCluster members, int slot, CapturedWriteChains writes, int kill) {
        log("kill " + kill + ": SIGKILL " + members.describe(slot) + " with " + writes.acknowledged() + " acknowledged and "
                + KEYS + " writes in flight");
        members.kill(slot);
    }

    private static void awaitProgress(CapturedWriteChains writes, String when) {
        long target = writes.acknowledged() + PROGRESS;
        await(PROGRESS + " more acknowledged writes " + when).atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> writes.acknowledged() >= target);
    }

    /** @return each key's changes (a put as its value, a removal as {@link CapturedWriteChains#REMOVE}), in offset order */
    private static Map<Integer, List<Long>> readChanges(GridLog log) {
        String topic = MapChange.topicOf(MAP);
        int partitions = log.describeTopic(topic).config().getPartitions();
        Map<Integer, List<Long>> perKey = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            assertEquals(0, log.startOffset(topic, p), "topic " + topic + " partition " + p + " starts at offset 0");
            long end = log.endOffset(topic, p);
            long next = 0;
            while (next < end) {
                FetchResult page = log.read(topic, p, next, 10_000);
                for (ConsumerRecord record : page.records()) {
                    MapChange<Integer, Long> change = log.mapChange(record);
                    if (change.key() >= 0 && change.key() < KEYS) { // not the key of the first write
                        perKey.computeIfAbsent(change.key(), k -> new ArrayList<>())
                                .add(change.isRemove() ? CapturedWriteChains.REMOVE : change.value());
                    }
                }
                next = page.nextOffset(next);
            }
        }
        return perKey;
    }

    private static void log(String line) {
        System.out.println("MapChangeCaptureKillProcessTest: " + line);
    }
}
