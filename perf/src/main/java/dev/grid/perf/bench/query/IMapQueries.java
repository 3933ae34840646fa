package dev.grid.perf.bench.query;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.grid.core.Grid;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * IMap's calls: {@link IMap#entrySet(Predicate)} copied into a map, {@link IMap#aggregate}, and SQL over a {@code TYPE IMap}
 * mapping. The entries are copied inside the call, as {@link GridMapQueries}' {@code query} hands over a map of
 * deserialized entries: Hazelcast's client deserializes a query's results lazily, so returning its collection as it is
 * left that work to the untimed check.
 */
final class IMapQueries implements QueryTarget {
    private final IMap<Integer, Order> map;
    private final LiveSql sql;

    IMapQueries(Grid client, String name, int categories) {
        this.map = client.hazelcast().getMap(name);
        this.sql = new LiveSql(client, name, categories + 1);
    }

    @Override
    public String system() {
        return "imap";
    }

    @Override
    public Collection<Order> equal(String category) {
        return entries(Predicates.equal("category", category));
    }

    @Override
    public Collection<Order> between(double low, double high) {
        return entries(Predicates.between("price", low, high));
    }

    private Collection<Order> entries(Predicate<Integer, Order> predicate) {
        Map<Integer, Order> entries = new HashMap<>();
        for (Map.Entry<Integer, Order> entry : map.entrySet(predicate)) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return entries.values();
    }

    @Override
    public Object sumApi() {
        return map.aggregate(Aggregators.doubleSum("price"));
    }

    @Override
    public Object sumSql() {
        return sql.sum();
    }

    @Override
    public Map<String, Double> groupBySql() {
        return sql.groupBy();
    }
}
