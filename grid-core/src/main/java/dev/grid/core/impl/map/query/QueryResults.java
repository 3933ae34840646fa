package dev.grid.core.impl.map.query;

import dev.grid.core.GridAggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Combines the partitions' answers to one query (on the calling member, or on the member serving a client). */
public final class QueryResults {
    private QueryResults() {
    }

    /** @return one answer holding every partition's entries, or their aggregates combined */
    public static QueryResult combine(QuerySpec spec, Collection<QueryResult> partials) {
        int size = 0;
        for (QueryResult partial : partials) {
            size += partial == null ? 0 : partial.keys.size();
        }
        QueryResult total = new QueryResult();
        total.keys = new ArrayList<>(size); // sized once: the answers of a large match set are copied without regrowing
        if (spec.result() == QuerySpec.Result.ENTRIES) {
            total.values = new ArrayList<>(size);
        }
        GridAggregation.Kind kind = spec.aggregation() == null ? null : spec.aggregation().kind();
        boolean indexed = !partials.isEmpty();
        for (QueryResult partial : partials) {
            if (partial == null) {
                continue;
            }
            indexed &= partial.indexed;
            total.keys.addAll(partial.keys);
            if (total.values != null) {
                total.values.addAll(partial.values);
            }
            total.count += partial.count;
            total.longSum = Math.addExact(total.longSum, partial.longSum);
            total.doubleSum += partial.doubleSum;
            total.fractional |= partial.fractional;
            if (partial.extreme != null) {
                int c = total.extreme == null ? 0 : QueryValues.ORDER.compare(partial.extreme, total.extreme);
                if (total.extreme == null || (kind == GridAggregation.Kind.MIN ? c < 0 : c > 0)) {
                    total.extreme = partial.extreme;
                }
            }
        }
        total.indexed = indexed;
        return total;
    }

    /**
     * Sorts a result's entries by key and keeps the first {@code limit} (a page's partition or final cut).
     *
     * @param deserializer turns stored key bytes into the key
     */
    public static void keepFirstByKey(QueryResult result, int limit, Function<byte[], Object> deserializer) {
        int size = result.keys.size();
        Object[] sortKeys = new Object[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            sortKeys[i] = QueryValues.canonical(deserializer.apply(result.keys.get(i)));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> QueryValues.ORDER.compare(sortKeys[a], sortKeys[b]));
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, size); i++) {
            keys.add(result.keys.get(order[i]));
            values.add(result.values.get(order[i]));
        }
        result.keys = keys;
        result.values = values;
    }

    /** @return the aggregate's value from the combined answer */
    public static Object finish(GridAggregation aggregation, QueryResult total) {
        switch (aggregation.kind()) {
            case COUNT:
                return total.count;
            case SUM:
                if (total.count == 0) {
                    return null;
                }
                return total.fractional ? (Object) (total.longSum + total.doubleSum) : (Object) total.longSum;
            case AVG:
                return total.count == 0 ? null : (total.longSum + total.doubleSum) / total.count;
            case MIN:
            case MAX:
                return total.extreme;
            default:
                throw new IllegalStateException(aggregation.toString());
        }
    }
}
