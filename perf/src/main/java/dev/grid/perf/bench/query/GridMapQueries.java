package dev.grid.perf.bench.query;

import dev.grid.core.Grid;
import dev.grid.core.GridAggregation;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;

import java.util.Collection;
import java.util.Map;

/** GridMap's calls: {@link GridMap#query}, {@link GridMap#aggregate}, and SQL over a {@code TYPE GridMap} mapping. */
final class GridMapQueries implements QueryTarget {
    private final GridMap<Integer, Order> map;
    private final LiveSql sql;

    GridMapQueries(Grid client, String name, int categories) {
        this.map = client.map(name);
        this.sql = new LiveSql(client, name, categories + 1);
    }

    @Override
    public String system() {
        return "gridmap";
    }

    @Override
    public Collection<Order> equal(String category) {
        return map.query(GridPredicate.equal("category", category)).values();
    }

    @Override
    public Collection<Order> between(double low, double high) {
        return map.query(GridPredicate.between("price", low, high)).values();
    }

    @Override
    public Object sumApi() {
        return map.aggregate(GridPredicate.alwaysTrue(), GridAggregation.sum("price"));
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
