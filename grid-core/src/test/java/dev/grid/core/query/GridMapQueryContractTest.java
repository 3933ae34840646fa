package dev.grid.core.query;

import dev.grid.core.Grid;
import dev.grid.core.GridAggregation;
import dev.grid.core.GridMap;
import dev.grid.core.GridPage;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.grid.core.GridPredicate.between;
import static dev.grid.core.GridPredicate.equal;
import static dev.grid.core.GridPredicate.greaterEqual;
import static dev.grid.core.GridPredicate.greaterThan;
import static dev.grid.core.GridPredicate.in;
import static dev.grid.core.GridPredicate.lessThan;
import static dev.grid.core.GridPredicate.like;
import static dev.grid.core.GridPredicate.not;
import static dev.grid.core.GridPredicate.notEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Indexed queries, written once and run on every topology (one member, three, a client): equality and
 * ranges through indexes declared in config, predicates no index answers (a scan), and/or/not, an index
 * added by API to a map that holds data, aggregates, key predicates, null and missing attributes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class GridMapQueryContractTest {
    /** The map every member's config declares, with its indexes. */
    static final String ORDERS = "orders";
    private static final int ORDER_COUNT = 300;
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    private Grid grid;
    private GridMap<Integer, Order> orders;
    private final Map<Integer, Order> expected = new HashMap<>();

    /** @return the grid the tests query through */
    protected abstract Grid grid();

    /** @return the cluster's members (for counting indexed and scanned partitions) */
    protected abstract List<Grid> members();

    /** Declares the {@code orders} map and its indexes in a member's config. */
    static void declareOrders(GridConfig config) {
        config.addMap(new GridMapConfig(ORDERS).setEntries(1000).setValueClass(Order.class.getName())
                .addIndex(GridIndexConfig.sorted("amount"))
                .addIndex(GridIndexConfig.hash("status"))
                .addIndex(GridIndexConfig.hash("customer.region")));
    }

    @BeforeEach
    void fill() {
        grid = grid();
        orders = grid.map(ORDERS);
        Map<Integer, Order> batch = new HashMap<>();
        for (int i = 0; i < ORDER_COUNT; i++) {
            Order order = new Order(i, (i * 37L) % 1000, Order.Status.values()[i % 3],
                    new Order.Customer("c" + (i % 17), REGIONS[i % 4]), i % 5 == 0 ? null : "note " + (i % 7));
            batch.put(i, order);
        }
        orders.putAll(batch);
        expected.putAll(batch);
    }

    @AfterEach
    void empty() {
        orders.destroy();
    }

    private Map<Integer, Order> expect(Predicate<Order> predicate) {
        return expected.entrySet().stream().filter(e -> predicate.test(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void assertQuery(GridPredicate predicate, Predicate<Order> model) {
        Map<Integer, Order> want = expect(model);
        assertEquals(want, orders.query(predicate), predicate.toString());
        assertEquals(want.keySet(), orders.keySet(predicate), predicate.toString());
        assertEquals(want.size(), orders.count(predicate), predicate.toString());
    }

    private QueryCounters counters() {
        return QueryCounters.of(members(), ORDERS);
    }

    @Test
    void equalityAndRangesUseTheIndexesDeclaredInConfig() {
        QueryCounters before = counters();
        assertQuery(equal("status", Order.Status.PAID), o -> o.getStatus() == Order.Status.PAID);
        assertQuery(equal("status", "SHIPPED"), o -> o.getStatus() == Order.Status.SHIPPED);
        assertQuery(equal("customer.region", "east"), o -> o.getCustomer().region().equals("east"));
        assertQuery(between("amount", 100, 300), o -> o.getAmount() >= 100 && o.getAmount() <= 300);
        assertQuery(greaterThan("amount", 900), o -> o.getAmount() > 900);
        assertQuery(lessThan("amount", 50.5), o -> o.getAmount() < 50.5);
        assertQuery(in("amount", 0, 37, 74L, 999), o -> List.of(0L, 37L, 74L, 999L).contains(o.getAmount()));
        QueryCounters used = counters().minus(before);
        assertTrue(used.byIndex() > 0, "answered from indexes: " + used);
        assertEquals(0, used.byScan(), "no partition scanned: " + used);
    }

    @Test
    void aPredicateNoIndexAnswersScansEveryPartition() {
        QueryCounters before = counters();
        assertQuery(equal("note", "note 3"), o -> "note 3".equals(o.getNote()));
        assertQuery(like("customer.name", "c1%"), o -> o.getCustomer().name().startsWith("c1"));
        assertQuery(greaterEqual("id", 250), o -> o.getId() >= 250);
        QueryCounters used = counters().minus(before);
        assertTrue(used.byScan() > 0, "scanned: " + used);
        assertEquals(0, used.byIndex(), used.toString());
    }

    @Test
    void andOrNotCombineIndexedAndScannedTerms() {
        assertQuery(equal("status", "OPEN").and(greaterThan("amount", 500)),
                o -> o.getStatus() == Order.Status.OPEN && o.getAmount() > 500);
        assertQuery(equal("status", "OPEN").or(equal("customer.region", "west")),
                o -> o.getStatus() == Order.Status.OPEN || o.getCustomer().region().equals("west"));
        assertQuery(not(equal("status", "PAID")), o -> o.getStatus() != Order.Status.PAID);
        assertQuery(notEqual("note", "note 1"), o -> !"note 1".equals(o.getNote()));
        // partly indexed: candidates from the amount index, the note checked on each
        QueryCounters before = counters();
        assertQuery(GridPredicate.and(between("amount", 0, 500), equal("note", null), not(equal("customer.region", "north"))),
                o -> o.getAmount() <= 500 && o.getNote() == null && !o.getCustomer().region().equals("north"));
        assertEquals(0, counters().minus(before).byScan(), "an AND with an indexed term starts from the index");
        assertQuery(GridPredicate.or(equal("note", "note 2"), greaterThan("amount", 990)),
                o -> "note 2".equals(o.getNote()) || o.getAmount() > 990);
    }

    @Test
    void anIndexAddedByApiToAMapWithDataIsBuiltAndMaintained() {
        GridMap<String, Order> map = grid.map("api-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Map<String, Order> batch = new HashMap<>();
            expected.forEach((id, order) -> batch.put("k" + id, order));
            map.putAll(batch);
            QueryCounters before = QueryCounters.of(members(), map.name());
            assertEquals(batch.values().stream().filter(o -> o.getId() < 20).count(), map.count(lessThan("id", 20)));
            assertEquals(0, QueryCounters.of(members(), map.name()).minus(before).byIndex(), "no index yet");

            map.addIndex(GridIndexConfig.sorted("id"));
            map.addIndex(GridIndexConfig.sorted("id")); // again: nothing happens
            map.set("k-new", new Order(5, 1, Order.Status.OPEN, new Order.Customer("x", "y"), null));
            map.delete("k3");
            before = QueryCounters.of(members(), map.name());
            assertEquals(Map.of("k-new", map.get("k-new"), "k5", batch.get("k5")), map.query(equal("id", 5)));
            assertEquals(20, map.count(lessThan("id", 20)), "k3 removed, k-new added with id 5");
            QueryCounters used = QueryCounters.of(members(), map.name()).minus(before);
            assertTrue(used.byIndex() > 0 && used.byScan() == 0, used.toString());
        } finally {
            map.destroy();
        }
    }

    @Test
    void anIndexOnAnAttributeTheValuesLackIsRefused() {
        GridMap<String, Order> map = grid.map("refuse-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            map.set("a", expected.get(1));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> map.addIndex(GridIndexConfig.hash("custmer.region")));
            assertTrue(refused.getMessage().contains("custmer.region"), refused.getMessage());
            assertEquals(1, map.count(GridPredicate.alwaysTrue()));
        } finally {
            map.destroy();
        }
        // the orders map declares its value class: checked without looking at values
        IllegalArgumentException declared = assertThrows(IllegalArgumentException.class,
                () -> orders.addIndex(GridIndexConfig.sorted("customer.zip")));
        assertTrue(declared.getMessage().contains("zip") && declared.getMessage().contains(Order.class.getName()),
                declared.getMessage());
    }

    @Test
    void missingAndNullAttributesAreIndexedAsNull() {
        GridMap<Integer, Object> mixed = grid.map(ORDERS);
        mixed.set(-1, "a plain string, no attributes");
        mixed.set(-2, new Order(-2, 5, null, null, null));
        assertEquals(Set.of(-1, -2), mixed.keySet(equal("status", null)));
        assertEquals(Set.of(-1, -2), mixed.keySet(equal("customer.region", null)));
        assertTrue(mixed.keySet(notEqual("status", null)).stream().allMatch(k -> k >= 0));
        assertEquals(expect(o -> o.getAmount() < 10).size() + 1, mixed.count(lessThan("amount", 10)), "-2 has amount 5");
        assertEquals(Set.of(-1), mixed.keySet(equal("this", "a plain string, no attributes")));
    }

    @Test
    void aFullScanAggregateReadsTheIndexOfItsAttributeElseEachStoreInOnePass() {
        // the sorted index on amount holds every entry's amount: the stores are not read
        QueryCounters before = counters();
        long sum = expected.values().stream().mapToLong(Order::getAmount).sum();
        assertEquals(sum, (Long) orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.sum("amount")));
        QueryCounters used = counters().minus(before);
        assertTrue(used.byIndex() > 0, "from the index: " + used);
        assertEquals(0, used.byScan(), "no store read for an aggregate of an indexed attribute: " + used);
        // no index holds id, and every value is needed: one pass over each store, not a lookup per key of an index
        before = counters();
        assertEquals(expected.values().stream().mapToLong(Order::getId).sum(),
                (Long) orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.sum("id")));
        assertEquals(expected.size(), orders.query(GridPredicate.alwaysTrue()).size());
        used = counters().minus(before);
        assertTrue(used.byScan() > 0, "scanned: " + used);
        assertEquals(0, used.byIndex(), "no index lookups for a query of every entry: " + used);
    }

    @Test
    void aggregatesReduceOnTheOwners() {
        long sum = expected.values().stream().mapToLong(Order::getAmount).sum();
        assertEquals(sum, (Long) orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.sum("amount")));
        assertEquals((double) sum / ORDER_COUNT, (Double) orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.avg("amount")),
                1e-9);
        GridPredicate paid = equal("status", "PAID");
        Predicate<Order> isPaid = o -> o.getStatus() == Order.Status.PAID;
        assertEquals(expected.values().stream().filter(isPaid).mapToLong(Order::getAmount).min().orElseThrow(),
                (Long) orders.aggregate(paid, GridAggregation.min("amount")));
        assertEquals(expected.values().stream().filter(isPaid).mapToLong(Order::getAmount).max().orElseThrow(),
                (Long) orders.aggregate(paid, GridAggregation.max("amount")));
        assertEquals(expected.values().stream().filter(isPaid).count(), (Long) orders.aggregate(paid, GridAggregation.count()));
        assertEquals("west", orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.max("customer.region")));
        Object noSum = orders.aggregate(greaterThan("amount", 5000), GridAggregation.sum("amount"));
        assertEquals(null, noSum, "a sum of no values");
    }

    @Test
    void pagesWalkTheMatchesInKeyOrderOnce() {
        GridPredicate open = equal("status", "OPEN");
        List<Integer> seen = new ArrayList<>();
        Integer after = null;
        GridPage<Integer, Order> page;
        int pages = 0;
        do {
            page = orders.queryPage(open, 7, after);
            page.entries().forEach(e -> {
                assertEquals(expected.get(e.getKey()), e.getValue());
                seen.add(e.getKey());
            });
            after = page.lastKey();
            pages++;
        } while (page.hasNext());
        List<Integer> want = expect(o -> o.getStatus() == Order.Status.OPEN).keySet().stream().sorted().toList();
        assertEquals(want, seen, "every match once, in key order");
        assertEquals((want.size() + 6) / 7, pages);
        assertThrows(IllegalArgumentException.class, () -> orders.queryPage(open, 0, null));
    }

    @Test
    void keysAreQueriedAsAttributes() {
        assertQuery(lessThan("__key", 10), o -> o.getId() < 10);
        assertQuery(in("__key", 3, 4, 500), o -> o.getId() == 3 || o.getId() == 4);
        assertQuery(GridPredicate.and(greaterEqual("__key", 100), equal("status", "OPEN")),
                o -> o.getId() >= 100 && o.getStatus() == Order.Status.OPEN);
    }

    @Test
    void badPredicatesAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> greaterThan("amount", null));
        assertThrows(IllegalArgumentException.class, () -> equal("", 1));
        assertThrows(IllegalArgumentException.class, () -> GridPredicate.of(GridPredicate.Kind.BETWEEN, "a", List.of(1), List.of()));
        assertThrows(GridConfigException.class, () -> GridIndexConfig.hash("a..b"));
        IllegalArgumentException sumOfText = assertThrows(IllegalArgumentException.class,
                () -> orders.aggregate(GridPredicate.alwaysTrue(), GridAggregation.sum("customer.region")));
        assertTrue(sumOfText.getMessage().contains("customer.region"), sumOfText.getMessage());
    }
}
