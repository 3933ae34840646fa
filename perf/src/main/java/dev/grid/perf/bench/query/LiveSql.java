package dev.grid.perf.bench.query;

import dev.grid.core.Grid;
import dev.grid.query.GridSql;
import dev.grid.query.QueryResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL both maps are measured with, through {@link GridSql} on the client: the same statements, another mapping. */
final class LiveSql {
    private final GridSql sql;
    private final String mapping;

    LiveSql(Grid client, String mapping, int maxRows) {
        this.sql = GridSql.on(client, maxRows);
        this.mapping = mapping;
    }

    /** @return the mapping's {@code CREATE MAPPING}: the key and the value's four fields */
    static String createMapping(String mapping, String type) {
        return "CREATE OR REPLACE MAPPING " + mapping + " (__key INT, id INT, category VARCHAR, price DOUBLE, quantity INT) TYPE " + type
                + " OPTIONS ('keyFormat'='int', 'valueFormat'='java', 'valueJavaClass'='" + Order.class.getName() + "')";
    }

    /** @return {@code SELECT SUM(price) FROM mapping} */
    static String sumStatement(String mapping) {
        return "SELECT SUM(price) FROM " + mapping;
    }

    /** @return {@code SELECT category, SUM(price) FROM mapping GROUP BY category} */
    static String groupByStatement(String mapping) {
        return "SELECT category, SUM(price) FROM " + mapping + " GROUP BY category";
    }

    void execute(String statement) {
        sql.query(statement);
    }

    Object sum() {
        return sql.query(sumStatement(mapping)).rows().get(0).get(0);
    }

    Map<String, Double> groupBy() {
        return groups(sql.query(groupByStatement(mapping)));
    }

    /** @return a two-column result (category, sum) as a map */
    static Map<String, Double> groups(QueryResult result) {
        Map<String, Double> groups = new HashMap<>();
        for (List<Object> row : result.rows()) {
            groups.put(String.valueOf(row.get(0)), row.get(1) == null ? null : ((Number) row.get(1)).doubleValue());
        }
        return groups;
    }
}
