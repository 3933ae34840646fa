package dev.grid.core.impl.map.query;

import dev.grid.core.GridAggregation;
import dev.grid.core.GridPredicate;
import dev.grid.core.impl.map.KeyBytes;
import dev.grid.core.impl.map.PartitionStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs a query on one partition replica's store, on its partition thread: from the indexes when they answer
 * the predicate (or, for an AND, some of its terms, the rest checked on each candidate), else by a scan of
 * the store. Both ways evaluate attributes by the same rules ({@link QueryValues}).
 */
public final class PartitionQuery {
    private static final int CHECK_SAMPLE = 16;

    private final PredicateNode root;
    private final QuerySpec spec;

    public PartitionQuery(QuerySpec spec) {
        this.spec = spec;
        this.root = PredicateNode.compile(spec.predicate());
    }

    /** @return the partition's answer (an empty one when the store is null); a page's first pageSize + 1 matches by key */
    public QueryResult run(PartitionStore store) {
        QueryResult result = runUnpaged(store);
        if (spec.pageSize() > 0) {
            QueryResults.keepFirstByKey(result, spec.pageSize() + 1, deserializer);
        }
        return result;
    }

    private QueryResult runUnpaged(PartitionStore store) {
        QueryResult result = new QueryResult();
        if (spec.result() == QuerySpec.Result.ENTRIES) {
            result.values = new ArrayList<>();
        }
        if (store == null) {
            return result;
        }
        if (spec.result() == QuerySpec.Result.ATTRIBUTE_CHECK) {
            checkAttribute(store, result);
            return result;
        }
        if (!spec.isScanOnly() && aggregatesFromIndex(store.indexesOrNull(), result)) {
            result.indexed = true;
            return result;
        }
        PartitionIndexes indexes = spec.isScanOnly() || readsEveryValue() ? null : store.indexesOrNull();
        Plan plan = indexes == null ? null : plan(root, indexes);
        if (plan != null) {
            result.indexed = true;
            boolean keysOnly = plan.residual == null && spec.result() == QuerySpec.Result.KEYS;
            boolean countOnly = plan.residual == null && spec.result() == QuerySpec.Result.AGGREGATE
                    && spec.aggregation().kind() == GridAggregation.Kind.COUNT;
            if (countOnly) {
                result.count = plan.keys.size();
                return result;
            }
            for (KeyBytes key : plan.keys) {
                if (keysOnly) {
                    result.keys.add(key.bytes());
                    continue;
                }
                byte[] value = store.get(key.bytes());
                if (value != null) {
                    accept(key.bytes(), value, plan.residual, result);
                }
            }
            return result;
        }
        store.forEach((key, value) -> accept(key, value, root, result));
        return result;
    }

    /**
     * Visits the entries the partition's indexes name for the predicate: exactly its matches when the indexes answer
     * it whole, else (an AND with unindexed terms) the indexed terms' matches, unchecked against the rest.
     *
     * @return false, visiting nothing, when the indexes cannot narrow the predicate (no index on its attributes)
     */
    public boolean visitCandidates(PartitionStore store, BiConsumer<byte[], byte[]> visitor) {
        PartitionIndexes indexes = store.indexesOrNull();
        Plan plan = indexes == null || root.kind == GridPredicate.Kind.TRUE ? null : plan(root, indexes);
        if (plan == null) {
            return false;
        }
        for (KeyBytes key : plan.keys) {
            byte[] value = store.get(key.bytes());
            if (value != null) {
                visitor.accept(key.bytes(), value);
            }
        }
        return true;
    }

    /**
     * @return whether the query matches every entry and needs each one's value (entries, or an aggregate other than a
     *         count): one pass over the store then reads them, where the index's keys would cost a lookup each (a
     *         full-scan SUM over an indexed map spent most of its time in those lookups)
     */
    private boolean readsEveryValue() {
        if (root.kind != GridPredicate.Kind.TRUE) {
            return false;
        }
        return switch (spec.result()) {
            case ENTRIES -> true;
            case AGGREGATE -> spec.aggregation().kind() != GridAggregation.Kind.COUNT;
            default -> false;
        };
    }

    /**
     * An aggregate other than a count over every entry, of an attribute some index holds, is read from that index: it
     * holds each key's value of the attribute, canonical as the store's values give it, so each distinct value is
     * added once times the number of keys holding it, and the store is not read.
     *
     * @return whether the aggregate was read from an index (else nothing was added to the result)
     */
    private boolean aggregatesFromIndex(PartitionIndexes indexes, QueryResult result) {
        if (indexes == null || root.kind != GridPredicate.Kind.TRUE || spec.result() != QuerySpec.Result.AGGREGATE
                || spec.aggregation().kind() == GridAggregation.Kind.COUNT || spec.aggregation().attribute() == null) {
            return false;
        }
        PartitionIndex index = indexes.best(spec.aggregation().attribute(), false);
        if (index == null) {
            return false;
        }
        index.forEachValue((value, keys) -> aggregateCanonical(value, keys, result));
        return true;
    }

    private Function<byte[], Object> deserializer = bytes -> null;

    /** Sets how a store's bytes become objects (the map's serialization; may throw: attributes are then null). */
    public PartitionQuery deserializingWith(Function<byte[], Object> deserializer) {
        this.deserializer = bytes -> {
            try {
                return deserializer.apply(bytes);
            } catch (RuntimeException e) {
                return null;
            }
        };
        return this;
    }

    /** @return the compiled predicate */
    PredicateNode root() {
        return root;
    }

    QuerySpec spec() {
        return spec;
    }

    /** Checks the entry against the node (null: matches) and adds it to the result if it matches. */
    void accept(byte[] keyBytes, byte[] valueBytes, PredicateNode node, QueryResult result) {
        Object key = null;
        Object value = null;
        boolean needsKey = (node != null && node.readsKey) || spec.result() == QuerySpec.Result.AGGREGATE
                && spec.aggregation().attribute() != null && Attributes.readsKey(spec.aggregation().attribute());
        boolean needsValue = node != null || spec.result() == QuerySpec.Result.AGGREGATE && spec.aggregation().attribute() != null;
        if (needsKey) {
            key = deserializer.apply(keyBytes);
        }
        if (needsValue) {
            value = deserializer.apply(valueBytes);
        }
        if (node != null && !node.test(key, value)) {
            return;
        }
        switch (spec.result()) {
            case ENTRIES -> {
                result.keys.add(keyBytes);
                result.values.add(valueBytes);
            }
            case KEYS -> result.keys.add(keyBytes);
            case AGGREGATE -> aggregate(key, value, result);
            default -> throw new IllegalStateException(spec.result().name());
        }
    }

    private void aggregate(Object key, Object value, QueryResult result) {
        GridAggregation aggregation = spec.aggregation();
        if (aggregation.kind() == GridAggregation.Kind.COUNT) {
            result.count++;
            return;
        }
        aggregateCanonical(QueryValues.canonical(Attributes.read(key, value, aggregation.attribute())), 1, result);
    }

    /** Adds {@code times} entries whose aggregated attribute holds {@code attribute} (canonical) to the result. */
    private void aggregateCanonical(Object attribute, int times, QueryResult result) {
        GridAggregation aggregation = spec.aggregation();
        if (attribute == QueryValues.NULL) {
            return;
        }
        switch (aggregation.kind()) {
            case SUM, AVG -> {
                if (!(attribute instanceof Number number)) {
                    throw new IllegalArgumentException(aggregation + " takes numbers; '" + aggregation.attribute() + "' holds "
                            + attribute.getClass().getName());
                }
                if (attribute instanceof Long l) {
                    result.longSum = Math.addExact(result.longSum, Math.multiplyExact(l, (long) times));
                } else {
                    result.fractional = true;
                    result.doubleSum += number.doubleValue() * times;
                }
                result.count += times;
            }
            case MIN -> {
                if (result.extreme == null || QueryValues.ORDER.compare(attribute, result.extreme) < 0) {
                    result.extreme = attribute;
                }
            }
            case MAX -> {
                if (result.extreme == null || QueryValues.ORDER.compare(attribute, result.extreme) > 0) {
                    result.extreme = attribute;
                }
            }
            default -> throw new IllegalStateException(aggregation.toString());
        }
    }

    private void checkAttribute(PartitionStore store, QueryResult result) {
        String attribute = spec.attribute();
        store.forEach(CHECK_SAMPLE, false, (keyBytes, valueBytes) -> {
            Object key = Attributes.readsKey(attribute) ? deserializer.apply(keyBytes) : null;
            Object value = deserializer.apply(valueBytes);
            if (value == null || Attributes.has(key, value, attribute)) {
                result.count++;
            } else {
                result.longSum++;
            }
        });
    }

    // ---- plans ----

    /** Keys from the indexes, and what each must still be checked against (null: nothing). */
    private record Plan(Set<KeyBytes> keys, PredicateNode residual) {
    }

    private static Plan plan(PredicateNode root, PartitionIndexes indexes) {
        Set<KeyBytes> exact = select(root, indexes);
        if (exact != null) {
            return new Plan(exact, null);
        }
        if (root.kind != GridPredicate.Kind.AND) {
            return null;
        }
        Set<KeyBytes> candidates = null;
        List<PredicateNode> rest = new ArrayList<>();
        for (PredicateNode child : root.children) {
            Set<KeyBytes> keys = select(child, indexes);
            if (keys == null) {
                rest.add(child);
            } else {
                candidates = candidates == null ? keys : intersect(candidates, keys);
            }
        }
        if (candidates == null) {
            return null;
        }
        return new Plan(candidates, rest.size() == 1 ? rest.get(0) : new PredicateNode(GridPredicate.Kind.AND, null, List.of(), rest));
    }

    /** @return exactly the keys matching the node, from the indexes alone, or null if they cannot tell */
    private static Set<KeyBytes> select(PredicateNode node, PartitionIndexes indexes) {
        switch (node.kind) {
            case TRUE: {
                PartitionIndex any = indexes.any();
                return any == null ? null : new HashSet<>(any.allKeys());
            }
            case AND: {
                Set<KeyBytes> result = null;
                for (PredicateNode child : node.children) {
                    Set<KeyBytes> keys = select(child, indexes);
                    if (keys == null) {
                        return null;
                    }
                    result = result == null ? keys : intersect(result, keys);
                }
                return result;
            }
            case OR: {
                Set<KeyBytes> result = new HashSet<>();
                for (PredicateNode child : node.children) {
                    Set<KeyBytes> keys = select(child, indexes);
                    if (keys == null) {
                        return null;
                    }
                    result.addAll(keys);
                }
                return result;
            }
            case NOT: {
                Set<KeyBytes> keys = select(node.children.get(0), indexes);
                PartitionIndex any = indexes.any();
                if (keys == null || any == null) {
                    return null;
                }
                Set<KeyBytes> result = new HashSet<>(any.allKeys());
                result.removeAll(keys);
                return result;
            }
            case LIKE:
                return null;
            default:
                break;
        }
        boolean needsOrder = node.kind != GridPredicate.Kind.EQUAL && node.kind != GridPredicate.Kind.NOT_EQUAL
                && node.kind != GridPredicate.Kind.IN;
        PartitionIndex index = indexes.best(node.attribute, needsOrder);
        if (index == null) {
            return null;
        }
        List<Object> ops = node.operands;
        switch (node.kind) {
            case EQUAL:
                // the bucket itself, not a copy: a plan's keys are only read, on the partition thread that owns the index
                return Collections.unmodifiableSet(index.equal(ops.get(0)));
            case IN: {
                Set<KeyBytes> result = new HashSet<>();
                for (Object op : ops) {
                    result.addAll(index.equal(op));
                }
                return result;
            }
            case NOT_EQUAL: {
                Set<KeyBytes> result = new HashSet<>(index.allKeys());
                result.removeAll(index.equal(ops.get(0)));
                return result;
            }
            case GREATER:
                return flatten(index.range(ops.get(0), false, QueryValues.highest(ops.get(0)), true));
            case GREATER_OR_EQUAL:
                return flatten(index.range(ops.get(0), true, QueryValues.highest(ops.get(0)), true));
            case LESS:
                return flatten(index.range(QueryValues.lowest(ops.get(0)), true, ops.get(0), false));
            case LESS_OR_EQUAL:
                return flatten(index.range(QueryValues.lowest(ops.get(0)), true, ops.get(0), true));
            case BETWEEN:
                if (!QueryValues.family(ops.get(0)).equals(QueryValues.family(ops.get(1)))) {
                    return new HashSet<>();
                }
                return flatten(index.range(ops.get(0), true, ops.get(1), true));
            default:
                return null;
        }
    }

    private static Set<KeyBytes> flatten(Collection<Set<KeyBytes>> buckets) {
        int size = 0;
        for (Set<KeyBytes> bucket : buckets) {
            size += bucket.size();
        }
        // sized for every key at once: no rehashing while a range's buckets are added
        Set<KeyBytes> result = new HashSet<>(Math.max(16, (int) (size / 0.75f) + 1));
        buckets.forEach(result::addAll);
        return result;
    }

    private static Set<KeyBytes> intersect(Set<KeyBytes> a, Set<KeyBytes> b) {
        Set<KeyBytes> small = a.size() <= b.size() ? a : b;
        Set<KeyBytes> large = small == a ? b : a;
        Set<KeyBytes> result = new HashSet<>();
        for (KeyBytes key : small) {
            if (large.contains(key)) {
                result.add(key);
            }
        }
        return result;
    }
}
