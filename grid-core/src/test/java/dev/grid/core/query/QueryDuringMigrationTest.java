package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queries from a client and from a member, run without pause while members join and one leaves (partitions
 * migrating under them) and other keys are written: every entry that is not written during the queries is
 * in every answer exactly once (no duplicate from a partition read twice, none lost from a partition that
 * moved).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryDuringMigrationTest {
    private static final String MAP = "migrating-query";
    private static final int STABLE = 2000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).upTo(4).partitions(71).withClient()
            .configure(config -> config.addMap(new GridMapConfig(MAP).setEntries(10_000).addIndex(GridIndexConfig.hash("group"))));

    /** A value in a group; the stable group is never written after the start. */
    record Tagged(String group, int n) implements Serializable {
    }

    @Test
    void everyUntouchedEntryIsInEveryAnswerOnceWhileMembersJoinAndLeave() throws Exception {
        GridMap<Integer, Tagged> map = CLUSTER.member(1).map(MAP); // member 0 leaves during the test
        Map<Integer, Tagged> stable = new HashMap<>();
        for (int i = 0; i < STABLE; i++) {
            stable.put(i, new Tagged("stable", i));
        }
        map.putAll(stable);
        GridPredicate isStable = GridPredicate.equal("group", "stable");
        GridPredicate isStableByScan = GridPredicate.lessThan("n", STABLE).and(GridPredicate.notEqual("group", "churn"));

        QueryCounters before = QueryCounters.of(CLUSTER.members(), MAP);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong queries = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<GridMap<Integer, Tagged>> views = List.of(CLUSTER.client().map(MAP), map);
        Future<?> churn = threads.submit(() -> {
            int i = 0;
            while (!stop.get()) {
                map.set(STABLE + (i++ % 500), new Tagged("churn", -1));
            }
        });
        List<Future<?>> readers = new ArrayList<>();
        for (GridMap<Integer, Tagged> view : views) {
            readers.add(threads.submit(() -> {
                while (!stop.get()) {
                    Set<Integer> indexed = view.keySet(isStable);
                    assertEquals(stable.keySet(), indexed, "indexed keySet");
                    assertEquals(STABLE, view.count(isStable), "indexed count");
                    assertEquals(stable, view.query(isStableByScan), "scanned entries");
                    queries.addAndGet(3);
                }
                return null;
            }));
        }
        // a reader that failed ends the waits at once: its assertion is rethrown below
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get() > 30 || readers.stream().anyMatch(Future::isDone));
        Grid third = CLUSTER.startMember();
        long afterJoin = queries.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> queries.get() > afterJoin + 15 || readers.stream().anyMatch(Future::isDone));
        CLUSTER.startMember();
        CLUSTER.member(0).close(); // graceful leave: its partitions migrate while the queries go on
        await().atMost(Duration.ofSeconds(60)).until(() -> third.hazelcast().getPartitionService().isClusterSafe()
                && third.members().size() == 3);
        long afterLeave = queries.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > afterLeave + 15 || readers.stream().anyMatch(Future::isDone));
        stop.set(true);
        churn.get(30, TimeUnit.SECONDS);
        for (Future<?> reader : readers) {
            reader.get(30, TimeUnit.SECONDS); // rethrows a reader's failed assertion
        }
        threads.shutdown();
        QueryCounters used = QueryCounters.of(CLUSTER.members(), MAP).minus(before);
        System.out.printf("QueryDuringMigrationTest: %d queries while 2 members joined and 1 left; partitions answered: %s%n",
                queries.get(), used);
        assertTrue(used.byMemberIndex() > 0, "the indexed queries were answered from the member indexes too: " + used);
        assertTrue(new HashSet<>(CLUSTER.client().<Integer, Tagged>map(MAP).keySet(isStable)).equals(stable.keySet()));
    }
}
