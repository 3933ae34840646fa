package dev.grid.log.capture;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.MapChange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member terminated (a crash) while a client writes a captured map, then a member joining (partitions migrate) while
 * it still writes: every acknowledged write's change is in the change topic, each key's changes never go back in
 * order, and replaying the topic gives the map. 400 keys are written at once, each key by one chain of
 * {@code setAsync} calls (a key's next value is written once its previous one is acknowledged; a write that fails is
 * written again, as an application would). A change may be in the topic twice (at least once on failover), which is
 * counted and allowed.
 */
@Tag("faults")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MapChangeCaptureFaultTest {
    private static final String MAP = "accounts";
    private static final int KEYS = 400;
    /** Acknowledged writes the load must make between the test's steps (before the crash, after it, after the join). */
    private static final long PROGRESS = 5_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).upTo(4).partitions(31).withClient().configure(config -> {
        try {
            config.getLog().setDirectory(Files.createTempDirectory("grid-capture-fault"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        config.addMap(new GridMapConfig(MAP).setChangeCapture(true));
    });

    @Test
    void everyAcknowledgedWriteIsInTheChangeTopicAfterAMemberCrashAndAMigration() throws Exception {
        GridMap<Integer, Long> map = CLUSTER.client().map(MAP);
        map.set(-1, 0L);                                       // creates the change topic before the load starts
        AtomicLongArray acknowledged = new AtomicLongArray(KEYS);
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int key = 0; key < KEYS; key++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            chains.add(done);
            write(map, key, 1, acknowledged, failures, stop, done);
        }
        awaitMoreAcknowledged(acknowledged, 0);
        long before = total(acknowledged);
        CLUSTER.member(1).hazelcast().getLifecycleService().terminate();
        awaitMoreAcknowledged(acknowledged, before);                  // writes go on after the crash
        Grid joined = CLUSTER.startMember();
        CLUSTER.awaitSafe(3);                                          // the joined member took its partitions
        awaitMoreAcknowledged(acknowledged, total(acknowledged));     // and writes go on after the migration
        stop.set(true);
        CompletableFuture.allOf(chains.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        CLUSTER.awaitSafe(3);
        long total = total(acknowledged);
        assertTrue(total > before && before > 0, "writes were acknowledged before (" + before + ") and after (" + total + ") the crash");

        List<MapChange<Integer, Long>> changes = ChangeTopics.readAll(GridLog.of(joined), MAP);
        Map<Integer, List<Long>> perKey = new HashMap<>();
        for (MapChange<Integer, Long> change : changes) {
            perKey.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(change.value());
        }
        long lost = 0;
        long duplicated = 0;
        long backwards = 0;
        for (int key = 0; key < KEYS; key++) {
            List<Long> values = perKey.getOrDefault(key, List.of());
            long expectedNext = 1;
            long last = 0;
            for (long value : values) {
                if (value < last) {
                    backwards++;
                } else if (value == last) {
                    duplicated++;
                }
                if (value == expectedNext) {
                    expectedNext++;
                }
                last = Math.max(last, value);
            }
            lost += Math.max(0, acknowledged.get(key) - (expectedNext - 1));
        }
        System.out.printf("capture after a crash and a migration: acknowledged %d writes (%d failed and written again), changes %d, "
                + "lost %d, duplicated %d, out of order %d%n", total, failures.get(), changes.size(), lost, duplicated, backwards);
        assertEquals(0, lost, "acknowledged writes missing from the change topic");
        assertEquals(0, backwards, "changes of a key stored before an earlier change of the key");
        Map<Integer, Long> content = new HashMap<>();
        for (int key = -1; key < KEYS; key++) {
            content.put(key, map.get(key));
        }
        assertEquals(content, ChangeTopics.replay(changes), "the topic replayed gives the map");
    }

    /** Writes {@code value} to the key, then the next value once acknowledged; a failed write is written again. */
    private static void write(GridMap<Integer, Long> map, int key, long value, AtomicLongArray acknowledged, AtomicLong failures,
                              AtomicBoolean stop, CompletableFuture<Void> done) {
        map.setAsync(key, value).whenComplete((ok, failure) -> {
            if (failure == null) {
                acknowledged.set(key, value);
            } else {
                failures.incrementAndGet();
            }
            if (failure == null && stop.get()) {
                done.complete(null);
            } else {
                write(map, key, failure == null ? value + 1 : value, acknowledged, failures, stop, done);
            }
        });
    }

    /** Waits until the writers have had {@link #PROGRESS} more writes acknowledged than {@code from}. */
    private static void awaitMoreAcknowledged(AtomicLongArray acknowledged, long from) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> total(acknowledged) >= from + PROGRESS);
    }

    private static long total(AtomicLongArray acknowledged) {
        long total = 0;
        for (int i = 0; i < acknowledged.length(); i++) {
            total += acknowledged.get(i);
        }
        return total;
    }
}
