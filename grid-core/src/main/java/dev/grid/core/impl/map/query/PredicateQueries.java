package dev.grid.core.impl.map.query;

import dev.grid.core.GridAggregation;
import dev.grid.core.GridPage;
import dev.grid.core.GridPredicate;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GridMap's predicate queries as the member and the client proxies answer them: each builds a {@link QuerySpec}, runs it
 * its own way (operations on the owners, or a message to a member), and turns the stored bytes that come back into
 * entries, keys, a page or an aggregate here.
 *
 * @param <K> the map's keys
 * @param <V> the map's values
 */
public final class PredicateQueries<K, V> {
    private final Function<QuerySpec, QueryResult> execute;
    private final Function<byte[], Object> deserializer;

    /**
     * @param execute      runs a query on every partition and combines the answers
     * @param deserializer turns a stored key or value back into its object
     */
    public PredicateQueries(Function<QuerySpec, QueryResult> execute, Function<byte[], Object> deserializer) {
        this.execute = execute;
        this.deserializer = deserializer;
    }

    public Map<K, V> query(GridPredicate predicate) {
        QueryResult result = execute.apply(QuerySpec.entries(predicate));
        Map<K, V> entries = new HashMap<>((int) (result.keys().size() / 0.75f) + 1);
        for (int i = 0; i < result.keys().size(); i++) {
            entries.put(key(result.keys().get(i)), value(result.values().get(i)));
        }
        return entries;
    }

    public GridPage<K, V> queryPage(GridPredicate predicate, int pageSize, K after) {
        QueryResult result = execute.apply(QuerySpec.page(predicate, pageSize, after));
        QueryResults.keepFirstByKey(result, pageSize + 1, deserializer);
        List<Map.Entry<K, V>> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(pageSize, result.keys().size()); i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(key(result.keys().get(i)), value(result.values().get(i))));
        }
        return new GridPage<>(entries, result.keys().size() > pageSize);
    }

    public Set<K> keySet(GridPredicate predicate) {
        List<byte[]> stored = execute.apply(QuerySpec.keys(predicate)).keys();
        Set<K> keys = new HashSet<>((int) (stored.size() / 0.75f) + 1);
        for (byte[] key : stored) {
            keys.add(key(key));
        }
        return keys;
    }

    public long count(GridPredicate predicate) {
        return (Long) aggregate(predicate, GridAggregation.count());
    }

    public Object aggregate(GridPredicate predicate, GridAggregation aggregation) {
        return QueryResults.finish(aggregation, execute.apply(QuerySpec.aggregate(predicate, aggregation)));
    }

    @SuppressWarnings("unchecked")
    private K key(byte[] stored) {
        return (K) deserializer.apply(stored);
    }

    @SuppressWarnings("unchecked")
    private V value(byte[] stored) {
        return (V) deserializer.apply(stored);
    }
}
