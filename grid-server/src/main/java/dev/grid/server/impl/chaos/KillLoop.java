package dev.grid.server.impl.chaos;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The kill loop: starts the members, measures the client's first use of a fresh map, then keeps the
 * writers going while it kills one member at a time, restarts it at once (as a service manager
 * would), waits until the writes in flight at the kill are answered, reads every key back, and waits
 * until all members report their partitions safe before the next kill. Ends with a last check after
 * the writers stopped.
 */
public final class KillLoop {
    /** Writes acknowledged between two kills before the next kill, so that every kill hits a busy cluster. */
    private static final long WRITES_BETWEEN_KILLS = 2_000;
    static final String MAP = "chaos";

    private final ChaosSettings settings;
    private final PrintStream out;

    public KillLoop(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** @return what happened; {@link ChaosReport#ok()} says whether every acknowledged write survived */
    public ChaosReport run() {
        quietClientLog();
        String clusterName = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        try (MemberCluster cluster = new MemberCluster(settings, clusterName)) {
            out.printf("chaos: %d grid start members of cluster %s on %s; logs in %s%n", cluster.size(), clusterName,
                    cluster.addresses(), settings.directory().resolve("logs"));
            cluster.startAll();
            cluster.awaitSafe(cluster.size(), settings.settleTimeout());
            try (Grid client = Grid.client(clientConfig(cluster))) {
                GridMap<String, Long> map = client.map(MAP);
                FirstUse firstUse = FirstUse.measure(map, settings.keys());
                out.println("chaos: " + firstUse.describe());
                return killAndCheck(cluster, map, firstUse);
            }
        }
    }

    /**
     * The client logs every connection a kill breaks, with stack traces; this run reports kills
     * itself. Unless set otherwise, Hazelcast's client logs errors only (slf4j-simple).
     */
    private static void quietClientLog() {
        String key = "org.slf4j.simpleLogger.log.com.hazelcast.client";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "error");
        }
    }

    private GridClientConfig clientConfig(MemberCluster cluster) {
        GridClientConfig config = new GridClientConfig().setClusterName(cluster.clusterName()).setAddresses(cluster.addresses());
        if (settings.indeterminateAsSuccess()) {
            config.setHazelcastProperty(Indeterminate.CLIENT_PROPERTY, "false");
        }
        return config;
    }

    private ChaosReport killAndCheck(MemberCluster cluster, GridMap<String, Long> map, FirstUse firstUse) {
        WriteLedger ledger = new WriteLedger(settings.keys());
        Random random = new Random(settings.seed());
        List<KillRound> rounds = new ArrayList<>();
        LedgerChecker.Result last;
        try (SequenceWriters writers = new SequenceWriters(map, ledger, settings.writers(), settings.inFlightPerWriter(),
                settings.writesPerSecond(), FirstUse.SEQUENCE)) {
            writers.start();
            for (int kill = 1; kill <= settings.kills(); kill++) {
                awaitAcknowledgements(ledger, WRITES_BETWEEN_KILLS);
                ChaosFault fault = settings.faults().get((kill - 1) % settings.faults().size());
                KillRound round = killOne(kill, fault, cluster, map, ledger, writers, random);
                rounds.add(round);
                out.println("chaos: " + round.describe());
            }
        }
        last = LedgerChecker.check(map, ledger);
        ChaosReport report = new ChaosReport(settings, firstUse, rounds, ledger.acknowledgedCount(), ledger.failures(), last);
        out.println("chaos: final check after the writers stopped: " + (last.ok()
                ? last.keysRead() + " keys hold their acknowledged writes"
                : last.lost() + " ACKNOWLEDGED WRITES LOST " + last.examples()));
        return report;
    }

    private KillRound killOne(int number, ChaosFault fault, MemberCluster cluster, GridMap<String, Long> map, WriteLedger ledger,
                              SequenceWriters writers, Random random) {
        List<Integer> live = cluster.liveSlots();
        int slot = live.get(random.nextInt(live.size()));
        String victim = cluster.describe(slot) + ", " + fault.description();
        Map<String, Long> failuresBefore = ledger.failures();
        ledger.resetWindow();
        long killed = System.nanoTime();
        List<Integer> inFlight;
        try (LoopbackCut cut = new LoopbackCut()) {
            if (fault.cutsLinks()) {
                cut.cutOutgoing(cluster.host(slot), cluster.otherHosts(slot));
                sleep(ChaosFault.CUT_MILLIS);
            }
            cluster.kill(slot);
            inFlight = writers.freezeBusyKeys();
            if (fault.cutsLinks()) {
                cut.abortConnectionsOf(cluster.host(slot));
            }
        }
        // restarted at once, as a service manager would: it starts while the survivors take over
        cluster.start(slot);
        awaitIdle(writers, inFlight);
        long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        long gap = ledger.longestGapMillis();
        long slowest = ledger.slowestAckMillis();
        long slowestFailure = ledger.slowestFailureMillis();
        LedgerChecker.Result check = LedgerChecker.check(map, ledger);
        writers.unfreeze();
        cluster.awaitSafe(cluster.size(), settings.settleTimeout());
        long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        return new KillRound(number, fault, victim, inFlight.size(), gap, slowest, slowestFailure, answeredMillis, recoveredMillis,
                difference(ledger.failures(), failuresBefore), check);
    }

    private void awaitIdle(SequenceWriters writers, List<Integer> keys) {
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (!writers.idle(keys)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("writes in flight at the kill still unanswered after " + settings.settleTimeout());
            }
            sleep(20);
        }
    }

    private void awaitAcknowledgements(WriteLedger ledger, long count) {
        long target = ledger.acknowledgedCount() + count;
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        while (ledger.acknowledgedCount() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the writers got fewer than " + count + " acknowledgements in "
                        + settings.settleTimeout() + "; failures so far: " + ledger.failures());
            }
            sleep(20);
        }
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((type, count) -> {
            long delta = count - before.getOrDefault(type, 0L);
            if (delta > 0) {
                difference.put(type, delta);
            }
        });
        return difference;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
