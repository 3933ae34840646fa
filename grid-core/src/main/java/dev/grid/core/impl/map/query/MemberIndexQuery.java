package dev.grid.core.impl.map.query;

import dev.grid.core.GridAggregation;
import dev.grid.core.GridPredicate;
import dev.grid.core.impl.map.KeyBytes;
import dev.grid.core.impl.map.PartitionStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A query answered from the member's indexes ({@link MemberIndex}) for many partitions at once, on the calling thread:
 * one walk of each index the predicate names, keeping the entries of the partitions asked for, each carrying its
 * key's stored value (no read of the off-heap stores). It answers what {@link PartitionQuery} answers from a partition's indexes
 * (equality, {@code in}, ranges, and/or of those, an {@code and} whose other terms are checked on each candidate);
 * other predicates ({@code not}, {@code notEqual}, {@code like} alone, every entry) and scan-only queries get no plan
 * and run partition by partition.
 *
 * <p>It keeps only what it can vouch for: a partition's entries count if the partition's write version
 * ({@link MemberIndexes#version}) was even before the read and is unchanged after it, so the partition did not change
 * while its keys and values were read. The partitions that changed, or whose replica an index the plan uses does not
 * mirror yet, are returned unread, for their threads to read.
 */
public final class MemberIndexQuery {
    private final PartitionQuery query;
    private final MemberIndexes indexes;
    private final Selector candidates;
    private final PredicateNode residual;
    private final List<MemberIndex> used;

    private MemberIndexQuery(PartitionQuery query, MemberIndexes indexes, Selector candidates, PredicateNode residual,
                             List<MemberIndex> used) {
        this.query = query;
        this.indexes = indexes;
        this.candidates = candidates;
        this.residual = residual;
        this.used = used;
    }

    /**
     * @param query the query as partitions run it (its predicate compiled, its deserializer set)
     * @return a plan over the member indexes, or null when they cannot answer this query (run it per partition)
     */
    public static MemberIndexQuery plan(PartitionQuery query, MemberIndexes indexes) {
        QuerySpec spec = query.spec();
        if (spec.isScanOnly() || indexes.isEmpty() || spec.result() == QuerySpec.Result.ATTRIBUTE_CHECK) {
            return null;
        }
        PredicateNode root = query.root();
        List<MemberIndex> used = new ArrayList<>();
        Selector exact = compile(root, indexes, used);
        if (exact != null) {
            return new MemberIndexQuery(query, indexes, exact, null, used);
        }
        if (root.kind != GridPredicate.Kind.AND) {
            return null;
        }
        List<Selector> selected = new ArrayList<>();
        List<PredicateNode> rest = new ArrayList<>();
        for (PredicateNode child : root.children) {
            Selector selector = compile(child, indexes, used);
            if (selector == null) {
                rest.add(child);
            } else {
                selected.add(selector);
            }
        }
        if (selected.isEmpty()) {
            return null;
        }
        Selector narrowed = selected.size() == 1 ? selected.get(0) : and(selected);
        PredicateNode residual = rest.size() == 1 ? rest.get(0) : new PredicateNode(GridPredicate.Kind.AND, null, List.of(), rest);
        return new MemberIndexQuery(query, indexes, narrowed, residual, used);
    }

    /**
     * What a read gave.
     *
     * @param answered the partitions answered, by partition (no entry for an answered partition with no match)
     * @param read     how many partitions were answered
     * @param unread   the partitions asked for but not answered: changed during the read, or not mirrored by an index
     *                 the plan uses; read them on their threads
     */
    public record Outcome(Collection<QueryResult> answered, int read, List<Integer> unread) {
    }

    /**
     * Answers the partitions from the member indexes. The caller vouches that this member owned each of them, without a
     * migration, for the whole call.
     *
     * @param partitions the partitions to answer
     * @param stores     each partition's store on this member, or null (a partition without one holds nothing here)
     * @throws RuntimeException what the query's evaluation throws (an aggregate over values it cannot add)
     */
    public Outcome run(int[] partitions, IntFunction<PartitionStore> stores) {
        int partitionCount = indexes.partitionCount();
        boolean[] reads = new boolean[partitionCount];
        long[] versions = new long[partitionCount];
        List<Integer> unread = new ArrayList<>();
        for (int p : partitions) {
            long version = indexes.version(p);
            if ((version & 1) != 0 || (stores.apply(p) != null && !mirrored(p))) {
                unread.add(p);
            } else {
                reads[p] = true;
                versions[p] = version;
            }
        }
        QueryResult[] results = new QueryResult[partitionCount];
        Collection<MemberIndex.Entry> matches = candidates.select(reads);
        QuerySpec spec = query.spec();
        boolean keysOnly = residual == null && spec.result() == QuerySpec.Result.KEYS;
        boolean countOnly = residual == null && spec.result() == QuerySpec.Result.AGGREGATE
                && spec.aggregation().kind() == GridAggregation.Kind.COUNT;
        for (MemberIndex.Entry match : matches) {
            int p = match.partition;
            QueryResult result = results[p];
            if (result == null) {
                result = new QueryResult();
                result.indexed = true;
                if (spec.result() == QuerySpec.Result.ENTRIES) {
                    result.values = new ArrayList<>();
                }
                results[p] = result;
            }
            byte[] key = match.key.bytes();
            if (keysOnly) {
                result.keys.add(key);
            } else if (countOnly) {
                result.count++;
            } else {
                byte[] value = match.bytes; // the value as the partition's thread last indexed it
                query.accept(key, value, residual, result);
            }
        }
        List<QueryResult> answered = new ArrayList<>();
        int read = 0;
        for (int p : partitions) {
            if (!reads[p]) {
                continue;
            }
            if (indexes.version(p) != versions[p]) {
                unread.add(p);
            } else {
                read++;
                if (results[p] != null) {
                    answered.add(results[p]);
                }
            }
        }
        return new Outcome(answered, read, unread);
    }

    private boolean mirrored(int partition) {
        for (MemberIndex index : used) {
            if (!index.mirrors(partition)) {
                return false;
            }
        }
        return true;
    }

    // ---- selectors: the entries of the partitions read that a predicate's indexed terms match ----

    /** Selects index entries for a predicate, among the partitions read. */
    private interface Selector {
        Collection<MemberIndex.Entry> select(boolean[] reads);
    }

    /** @return a selector giving exactly the entries matching the node, or null if the indexes cannot tell */
    private static Selector compile(PredicateNode node, MemberIndexes indexes, List<MemberIndex> used) {
        switch (node.kind) {
            case AND:
            case OR: {
                List<Selector> children = new ArrayList<>();
                for (PredicateNode child : node.children) {
                    Selector selector = compile(child, indexes, used);
                    if (selector == null) {
                        return null;
                    }
                    children.add(selector);
                }
                return node.kind == GridPredicate.Kind.AND ? and(children) : or(children);
            }
            case EQUAL:
            case IN:
            case GREATER:
            case GREATER_OR_EQUAL:
            case LESS:
            case LESS_OR_EQUAL:
            case BETWEEN:
                break;
            default:
                return null; // TRUE, NOT, NOT_EQUAL need every key of a partition; LIKE scans
        }
        boolean needsOrder = node.kind != GridPredicate.Kind.EQUAL && node.kind != GridPredicate.Kind.IN;
        MemberIndex index = indexes.best(node.attribute, needsOrder);
        if (index == null) {
            return null;
        }
        if (!used.contains(index)) {
            used.add(index);
        }
        List<Object> ops = node.operands;
        switch (node.kind) {
            case EQUAL:
                return reads -> {
                    List<MemberIndex.Entry> entries = new ArrayList<>();
                    index.equal(ops.get(0), e -> keep(e, reads, entries));
                    return entries;
                };
            case IN:
                return reads -> {
                    Map<KeyBytes, MemberIndex.Entry> entries = new LinkedHashMap<>();
                    for (Object op : ops) {
                        index.equal(op, e -> {
                            if (reads[e.partition]) {
                                entries.put(e.key, e);
                            }
                        });
                    }
                    return entries.values();
                };
            case GREATER:
                return range(index, ops.get(0), false, QueryValues.highest(ops.get(0)), true);
            case GREATER_OR_EQUAL:
                return range(index, ops.get(0), true, QueryValues.highest(ops.get(0)), true);
            case LESS:
                return range(index, QueryValues.lowest(ops.get(0)), true, ops.get(0), false);
            case LESS_OR_EQUAL:
                return range(index, QueryValues.lowest(ops.get(0)), true, ops.get(0), true);
            case BETWEEN:
                if (!QueryValues.family(ops.get(0)).equals(QueryValues.family(ops.get(1)))) {
                    return reads -> List.of();
                }
                return range(index, ops.get(0), true, ops.get(1), true);
            default:
                throw new IllegalStateException(node.kind.name());
        }
    }

    private static void keep(MemberIndex.Entry entry, boolean[] reads, List<MemberIndex.Entry> entries) {
        if (reads[entry.partition]) {
            entries.add(entry);
        }
    }

    private static Selector range(MemberIndex index, Object from, boolean fromInclusive, Object to, boolean toInclusive) {
        return reads -> {
            List<MemberIndex.Entry> entries = new ArrayList<>();
            index.range(from, fromInclusive, to, toInclusive, e -> keep(e, reads, entries));
            return entries;
        };
    }

    /** The entries every child selects (a key is in one partition, so keys identify entries). */
    private static Selector and(List<Selector> children) {
        return reads -> {
            List<Collection<MemberIndex.Entry>> selected = new ArrayList<>();
            for (Selector child : children) {
                selected.add(child.select(reads));
            }
            selected.sort((a, b) -> Integer.compare(a.size(), b.size()));
            Map<KeyBytes, MemberIndex.Entry> result = new LinkedHashMap<>();
            selected.get(0).forEach(e -> result.put(e.key, e));
            for (int i = 1; i < selected.size() && !result.isEmpty(); i++) {
                Map<KeyBytes, MemberIndex.Entry> next = new HashMap<>();
                for (MemberIndex.Entry e : selected.get(i)) {
                    if (result.containsKey(e.key)) {
                        next.put(e.key, e);
                    }
                }
                result.keySet().retainAll(next.keySet());
            }
            return result.values();
        };
    }

    /** The entries any child selects, each once. */
    private static Selector or(List<Selector> children) {
        return reads -> {
            Map<KeyBytes, MemberIndex.Entry> result = new LinkedHashMap<>();
            for (Selector child : children) {
                child.select(reads).forEach(e -> result.putIfAbsent(e.key, e));
            }
            return result.values();
        };
    }
}
