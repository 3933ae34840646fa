package dev.grid.perf.bench.query;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import dev.grid.core.Grid;

import java.util.Collection;
import java.util.Map;

/** IMap's calls: {@link IMap#values(com.hazelcast.query.Predicate)}, {@link IMap#aggregate}, and SQL over a {@code TYPE IMap} mapping. */
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
        return map.values(Predicates.equal("category", category));
    }

    @Override
    public Collection<Order> between(double low, double high) {
        return map.values(Predicates.between("price", low, high));
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
