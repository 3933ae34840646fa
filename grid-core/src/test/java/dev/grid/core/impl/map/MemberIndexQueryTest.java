package dev.grid.core.impl.map;

import dev.grid.core.GridAggregation;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.query.MemberIndexQuery;
import dev.grid.core.impl.map.query.MemberIndexes;
import dev.grid.core.impl.map.query.PartitionIndexes;
import dev.grid.core.impl.map.query.PartitionQuery;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

import static dev.grid.core.GridPredicate.between;
import static dev.grid.core.GridPredicate.equal;
import static dev.grid.core.GridPredicate.greaterThan;
import static dev.grid.core.GridPredicate.in;
import static dev.grid.core.GridPredicate.lessEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member indexes against the partitions' own: stores of four partitions mirror into one {@link MemberIndexes};
 * a query over them equals the union of the partitions' own answers through random writes, clears and dropped
 * replicas; a partition written while the query reads it, or not mirrored by an index the plan uses, is left unread.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MemberIndexQueryTest {
    private static final int PARTITIONS = 4;
    private static final String[] TAGS = {"a", "b", "c", null};
    /** Keys are 4-byte ints; values "v<score>,<tag>" read as a map of score and tag. */
    private static final Function<byte[], Object> DESERIALIZER = bytes -> {
        if (bytes.length == 4) {
            return ByteBuffer.wrap(bytes).getInt();
        }
        String[] parts = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8).split(",", -1);
        Map<String, Object> value = new HashMap<>();
        value.put("score", Integer.parseInt(parts[0]));
        value.put("tag", parts[1].isEmpty() ? null : parts[1]);
        return value;
    };

    private final MemberIndexes member = new MemberIndexes(PARTITIONS);
    private final PartitionStore[] stores = new PartitionStore[PARTITIONS];

    @AfterEach
    void close() {
        for (PartitionStore store : stores) {
            if (store != null) {
                store.close();
            }
        }
    }

    private PartitionStore newStore(int partition, GridIndexConfig... indexes) {
        PartitionStore store = new PartitionStore("m", partition, 256, 8, 16);
        store.useIndexes(new PartitionIndexes(DESERIALIZER, member, partition));
        for (GridIndexConfig index : indexes) {
            store.addIndex(index);
        }
        stores[partition] = store;
        return store;
    }

    private static byte[] key(int k) {
        return ByteBuffer.allocate(4).putInt(k).array();
    }

    private static byte[] value(int score, String tag) {
        return ("v" + score + "," + (tag == null ? "" : tag)).getBytes(StandardCharsets.UTF_8);
    }

    private static PartitionQuery query(QuerySpec spec) {
        return new PartitionQuery(spec).deserializingWith(DESERIALIZER);
    }

    private static Set<Integer> keysOf(QueryResult result) {
        Set<Integer> keys = new HashSet<>();
        result.keys().forEach(k -> keys.add((Integer) DESERIALIZER.apply(k)));
        return keys;
    }

    private static Map<Integer, String> entriesOf(QueryResult result) {
        Map<Integer, String> entries = new HashMap<>();
        for (int i = 0; i < result.keys().size(); i++) {
            String previous = entries.put((Integer) DESERIALIZER.apply(result.keys().get(i)),
                    new String(result.values().get(i), StandardCharsets.UTF_8));
            assertNull(previous, "a key answered twice");
        }
        return entries;
    }

    private static final GridIndexConfig SCORE = GridIndexConfig.sorted("score");
    private static final GridIndexConfig TAG = GridIndexConfig.hash("tag");

    private static final List<GridPredicate> PREDICATES = List.of(
            equal("tag", "a"),
            between("score", 5, 15),
            greaterThan("score", 25).or(equal("tag", null)),
            in("tag", "a", "c").and(lessEqual("score", 20)),
            equal("tag", "b").and(GridPredicate.like("tag", "b%")),
            in("score", 3, 3.0, 7));

    @Test
    void answersEqualThePartitionsOwnThroughRandomWritesClearsAndDroppedReplicas() {
        for (int p = 0; p < PARTITIONS; p++) {
            newStore(p, SCORE, TAG);
        }
        Random random = new Random(11);
        int[] asked = {0, 1, 3}; // partition 2 is another member's: never in the answer
        for (int round = 0; round < 24; round++) {
            for (int i = 0; i < 40; i++) {
                int p = random.nextInt(PARTITIONS);
                byte[] key = key(p * 1000 + random.nextInt(60));
                int op = random.nextInt(10);
                if (op < 7) {
                    stores[p].put(key, value(random.nextInt(31), TAGS[random.nextInt(TAGS.length)]));
                } else {
                    stores[p].remove(key);
                }
            }
            if (round == 8) {
                stores[1].clear();
            }
            if (round == 16) {
                stores[3].close(); // dropped (migrated away) and created again, empty, later
                newStore(3, SCORE, TAG);
            }
            for (GridPredicate predicate : PREDICATES) {
                for (QuerySpec spec : List.of(QuerySpec.entries(predicate), QuerySpec.keys(predicate),
                        QuerySpec.aggregate(predicate, GridAggregation.count()), QuerySpec.aggregate(predicate, GridAggregation.sum("score")))) {
                    MemberIndexQuery plan = MemberIndexQuery.plan(query(spec), member);
                    assertNotNull(plan, spec.predicate().toString());
                    MemberIndexQuery.Outcome outcome = plan.run(asked, p -> stores[p]);
                    assertEquals(List.of(), outcome.unread(), "nothing changed during the read");
                    assertEquals(asked.length, outcome.read());
                    QueryResult fromMember = QueryResults.combine(spec, outcome.answered());
                    List<QueryResult> own = new ArrayList<>();
                    for (int p : asked) {
                        own.add(query(spec).run(stores[p]));
                    }
                    QueryResult fromPartitions = QueryResults.combine(spec, own);
                    String what = spec.result() + " " + spec.predicate() + " in round " + round;
                    switch (spec.result()) {
                        case ENTRIES -> assertEquals(entriesOf(fromPartitions), entriesOf(fromMember), what);
                        case KEYS -> {
                            assertEquals(keysOf(fromPartitions), keysOf(fromMember), what);
                            assertEquals(fromPartitions.keys().size(), fromMember.keys().size(), "each key once: " + what);
                        }
                        default -> assertEquals(QueryResults.finish(spec.aggregation(), fromPartitions),
                                QueryResults.finish(spec.aggregation(), fromMember), what);
                    }
                }
            }
        }
    }

    @Test
    void predicatesThatNeedEveryKeyOrNoIndexGetNoPlan() {
        newStore(0, SCORE, TAG);
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(GridPredicate.notEqual("tag", "a"))), member));
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(GridPredicate.not(equal("tag", "a")))), member));
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(GridPredicate.alwaysTrue())), member));
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(equal("other", 1))), member));
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(equal("tag", "a")).scanOnly()), member));
        assertNull(MemberIndexQuery.plan(query(QuerySpec.entries(greaterThan("tag", "a"))), member), "a range on a hash index");
    }

    @Test
    void aPartitionWrittenDuringTheReadIsLeftUnreadAndItsEntriesDropped() {
        for (int p = 0; p < 2; p++) {
            newStore(p, SCORE);
            for (int k = 0; k < 20; k++) {
                stores[p].put(key(p * 1000 + k), value(10, "a"));
            }
        }
        int[] lookups = {0};
        IntFunction<PartitionStore> writingDuringTheRead = p -> {
            // partition 1's write version is read, then comes a write to it, as from its thread meanwhile
            if (p == 1 && lookups[0]++ == 0) {
                stores[1].put(key(1999), value(10, "b"));
            }
            return stores[p];
        };
        QuerySpec spec = QuerySpec.entries(equal("score", 10));
        MemberIndexQuery.Outcome outcome = MemberIndexQuery.plan(query(spec), member).run(new int[] {0, 1}, writingDuringTheRead);
        assertEquals(List.of(1), outcome.unread());
        assertEquals(1, outcome.read());
        Map<Integer, String> entries = entriesOf(QueryResults.combine(spec, outcome.answered()));
        assertEquals(20, entries.size(), entries.toString());
        assertTrue(entries.keySet().stream().allMatch(k -> k < 1000), "only partition 0's entries: " + entries.keySet());
    }

    /**
     * A real writer thread moves partition 1's keys between two values the range covers, while this thread reads: a
     * move adds the key under its new value before it leaves the old one, so a read that kept a partition changing under
     * it would see a key twice, or with a value whose attribute is outside the range.
     */
    @Test
    void concurrentWritesNeverShowAKeyTwiceOrAValueOutsideTheRange() throws Exception {
        for (int p = 0; p < 2; p++) {
            newStore(p, SCORE);
            for (int k = 0; k < 50; k++) {
                stores[p].put(key(p * 1000 + k), value(10, "a"));
            }
        }
        QuerySpec spec = QuerySpec.entries(between("score", 10, 11));
        MemberIndexQuery plan = MemberIndexQuery.plan(query(spec), member);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Random random = new Random(5);
            while (!stop.get()) {
                int k = random.nextInt(50);
                stores[1].put(key(1000 + k), value(10 + random.nextInt(2), random.nextBoolean() ? "a" : "b"));
                stores[1].put(key(1000 + 50 + k), value(40, "c")); // outside the range, in and out of the store
                stores[1].remove(key(1000 + 50 + k));
            }
        }, "member-index-writer");
        writer.start();
        int partitionOneRead = 0;
        int reads = 0;
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < end && reads < 200_000) {
                reads++;
                MemberIndexQuery.Outcome outcome = plan.run(new int[] {0, 1}, p -> stores[p]);
                QueryResult result = QueryResults.combine(spec, outcome.answered());
                Map<Integer, String> entries = entriesOf(result); // fails on a key answered twice
                for (String value : entries.values()) {
                    assertTrue(value.startsWith("v10,") || value.startsWith("v11,"), "a value outside the range: " + value);
                }
                long fromZero = entries.keySet().stream().filter(k -> k < 1000).count();
                assertEquals(50, fromZero, "partition 0 is not written: all of it, every time");
                if (!outcome.unread().contains(1)) {
                    partitionOneRead++;
                    assertEquals(100, entries.size(), "partition 1 read whole: its 50 keys in the range");
                }
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        System.out.printf("MemberIndexQueryTest: %d reads under writes, partition 1 answered in %d%n", reads, partitionOneRead);
    }

    @Test
    void aPartitionWhoseReplicaAnIndexDoesNotMirrorYetIsLeftUnread() {
        newStore(0, SCORE);
        newStore(1); // holds entries, the score index not built here yet
        stores[0].put(key(1), value(10, "a"));
        stores[1].put(key(1001), value(10, "a"));
        QuerySpec spec = QuerySpec.keys(equal("score", 10));
        MemberIndexQuery.Outcome outcome = MemberIndexQuery.plan(query(spec), member).run(new int[] {0, 1, 2}, p -> stores[p]);
        assertEquals(List.of(1), outcome.unread(), "partition 1 is read on its thread; 2 has no store here: empty");
        assertEquals(Set.of(1), keysOf(QueryResults.combine(spec, outcome.answered())));
        stores[1].addIndex(SCORE);
        outcome = MemberIndexQuery.plan(query(spec), member).run(new int[] {0, 1, 2}, p -> stores[p]);
        assertEquals(List.of(), outcome.unread());
        assertEquals(Set.of(1, 1001), keysOf(QueryResults.combine(spec, outcome.answered())));
    }
}
