package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.GridAggregation;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.IndeterminateWriteException;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.map.GridMapProxy;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static dev.grid.core.GridPredicate.between;
import static dev.grid.core.GridPredicate.equal;
import static dev.grid.core.GridPredicate.greaterEqual;
import static dev.grid.core.GridPredicate.greaterThan;
import static dev.grid.core.GridPredicate.in;
import static dev.grid.core.GridPredicate.lessEqual;
import static dev.grid.core.GridPredicate.lessThan;
import static dev.grid.core.GridPredicate.not;
import static dev.grid.core.GridPredicate.notEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Randomized model test of indexes: random writes of every kind (put, set, putIfAbsent, replace, remove,
 * delete, putAll, clear) on three members, while a member is terminated (backups promoted), an index is
 * added by API to the map with data, members join (partitions migrate, queries run during the migration)
 * and a member leaves gracefully. After every few writes, each predicate's indexed answer (entries, keys,
 * count) must equal a scan of every partition that ignores the indexes, and a plain HashMap's. The seed is
 * printed on failure; rerun with {@code -Dgrid.test.seed=<seed>}.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class IndexModelTest {
    private static final String MAP = "model";
    private static final int KEYS = 150;
    private static final String[] TAGS = {"a", "b", "c", null};

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).upTo(5).partitions(19)
            .configure(config -> config.addMap(new GridMapConfig(MAP).setEntries(1000)
                    .addIndex(GridIndexConfig.sorted("score"))
                    .addIndex(GridIndexConfig.hash("tag"))
                    .addIndex(GridIndexConfig.sorted("__key"))));

    /** A value: a record, read through its accessors; tag and opt may be null. */
    record Item(int score, String tag, Integer opt) implements Serializable {
    }

    private record Check(GridPredicate predicate, BiPredicate<Integer, Item> model) {
    }

    private static final List<Check> CHECKS = List.of(
            new Check(equal("tag", "a"), (k, v) -> "a".equals(v.tag())),
            new Check(between("score", 5, 15), (k, v) -> v.score() >= 5 && v.score() <= 15),
            new Check(greaterThan("score", 25).or(equal("tag", null)), (k, v) -> v.score() > 25 || v.tag() == null),
            new Check(not(equal("tag", "b")), (k, v) -> !"b".equals(v.tag())),
            new Check(GridPredicate.and(greaterEqual("score", 10), lessThan("__key", 75)), (k, v) -> v.score() >= 10 && k < 75),
            new Check(lessEqual("opt", 4), (k, v) -> v.opt() != null && v.opt() <= 4),
            new Check(in("tag", "a", "c").and(notEqual("opt", 3)), (k, v) -> ("a".equals(v.tag()) || "c".equals(v.tag()))
                    && !Integer.valueOf(3).equals(v.opt())),
            new Check(equal("opt", null), (k, v) -> v.opt() == null),
            new Check(GridPredicate.alwaysTrue(), (k, v) -> true));

    private final Map<Integer, Item> model = new HashMap<>();
    private Random random;
    private int checks;
    private int indeterminate;

    @Test
    void indexedQueriesEqualScansAndTheModelThroughFailoverAndMigration() {
        long seed = Long.getLong("grid.test.seed", System.nanoTime());
        random = new Random(seed);
        try {
            run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("IndexModelTest failed with seed " + seed + " (rerun: -Dgrid.test.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
        System.out.printf("IndexModelTest: seed %d, %d checks of %d predicates, %d entries at the end, %d indeterminate writes%n",
                seed, checks, CHECKS.size(), model.size(), indeterminate);
    }

    private void run() {
        steps(120);
        // backup promotion: a member dies; its partitions' backups become owners
        Grid dead = CLUSTER.member(0);
        dead.hazelcast().getLifecycleService().terminate();
        steps(40);
        CLUSTER.awaitSafe(2);
        steps(40);
        // an index added by API to the map holding data
        map().addIndex(GridIndexConfig.sorted("opt"));
        steps(40);
        // migration: two members join; queries and writes go on while partitions move
        CLUSTER.startMember();
        steps(40);
        CLUSTER.startMember();
        steps(40);
        CLUSTER.awaitSafe(4);
        steps(40);
        // a graceful leave: its partitions migrate to the others
        CLUSTER.member(1).hazelcast().shutdown();
        steps(40);
        CLUSTER.awaitSafe(3);
        steps(40);
        // after promotion and migration every partition answers the indexed predicates from its indexes
        QueryCounters before = QueryCounters.of(CLUSTER.members(), MAP);
        check();
        QueryCounters after = QueryCounters.of(CLUSTER.members(), MAP).minus(before);
        assertTrue(after.byIndex() > 0, after.toString());
        QueryCounters indexedOnly = QueryCounters.of(CLUSTER.members(), MAP);
        map().keySet(lessEqual("opt", 4)); // the index added by API, before two of the members joined
        map().keySet(between("score", 5, 15));
        assertEquals(0, QueryCounters.of(CLUSTER.members(), MAP).minus(indexedOnly).byScan(),
                "indexes (declared and added by API) rebuilt on every member after promotion and migration");
    }

    /** @return the map through a running member */
    @SuppressWarnings("unchecked")
    private GridMapProxy<Integer, Item> map() {
        for (Grid member : CLUSTER.members()) {
            if (member.isRunning()) {
                return (GridMapProxy<Integer, Item>) member.<Integer, Item>map(MAP);
            }
        }
        throw new IllegalStateException("no running member");
    }

    private Item randomItem() {
        return new Item(random.nextInt(31), TAGS[random.nextInt(TAGS.length)], random.nextInt(4) == 0 ? null : random.nextInt(10));
    }

    private void steps(int count) {
        for (int i = 0; i < count; i++) {
            write();
            if (i % 5 == 4) {
                check();
            }
        }
        check();
    }

    /**
     * One random write, applied to the model too. A write whose outcome is indeterminate (a member died before
     * its backups confirmed it: {@link IndeterminateWriteException}) may or may not have been applied: the model
     * then takes the map's contents, which the checks compare against scans anyway.
     */
    private void write() {
        try {
            writeOnce();
        } catch (IndeterminateWriteException e) {
            indeterminate++;
            model.clear();
            map().forEach(entry -> model.put(entry.getKey(), entry.getValue()));
        }
    }

    private void writeOnce() {
        GridMap<Integer, Item> map = map();
        int key = random.nextInt(KEYS);
        int op = random.nextInt(100);
        if (op < 30) {
            Item item = randomItem();
            map.set(key, item);
            model.put(key, item);
        } else if (op < 45) {
            Item item = randomItem();
            assertEquals(model.put(key, item), map.put(key, item));
        } else if (op < 52) {
            Item item = randomItem();
            assertEquals(model.putIfAbsent(key, item), map.putIfAbsent(key, item));
        } else if (op < 60) {
            Item item = randomItem();
            assertEquals(model.replace(key, item), map.replace(key, item));
        } else if (op < 75) {
            assertEquals(model.remove(key), map.remove(key));
        } else if (op < 85) {
            map.delete(key);
            model.remove(key);
        } else if (op < 99) {
            Map<Integer, Item> batch = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(20); i++) {
                batch.put(random.nextInt(KEYS), randomItem());
            }
            map.putAll(batch);
            model.putAll(batch);
        } else {
            map.clear();
            model.clear();
        }
    }

    private void check() {
        checks++;
        GridMapProxy<Integer, Item> map = map();
        for (Check check : CHECKS) {
            Map<Integer, Item> expected = model.entrySet().stream().filter(e -> check.model().test(e.getKey(), e.getValue()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            String what = check.predicate() + " after check " + checks;
            Set<Integer> scanned = new HashSet<>();
            map.execute(QuerySpec.keys(check.predicate()).scanOnly()).keys()
                    .forEach(key -> scanned.add(map.<Integer>deserialize(key)));
            assertEquals(expected.keySet(), scanned, "full scan, " + what);
            assertEquals(expected.keySet(), map.keySet(check.predicate()), "indexed keySet, " + what);
            assertEquals(expected.size(), map.count(check.predicate()), "indexed count, " + what);
            assertEquals(expected, map.query(check.predicate()), "indexed query, " + what);
        }
        // aggregates of every entry over an indexed attribute are read from its index: equal to the model and to a scan
        Long scoreSum = model.isEmpty() ? null : model.values().stream().mapToLong(Item::score).sum();
        Long optMin = model.values().stream().map(Item::opt).filter(Objects::nonNull).min(Integer::compare).map(Long::valueOf).orElse(null);
        for (GridAggregation aggregation : List.of(GridAggregation.sum("score"), GridAggregation.min("opt"))) {
            Object expected = aggregation.kind() == GridAggregation.Kind.SUM ? scoreSum : optMin;
            String what = aggregation + " after check " + checks;
            assertEquals(expected, map.aggregate(GridPredicate.alwaysTrue(), aggregation), "indexed " + what);
            assertEquals(expected, QueryResults.finish(aggregation,
                    map.execute(QuerySpec.aggregate(GridPredicate.alwaysTrue(), aggregation).scanOnly())), "scanned " + what);
        }
    }
}
