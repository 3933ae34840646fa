package dev.grid.perf.bench.query;

import java.util.Locale;

/**
 * What {@code grid bench query} measures, in the order it runs them; each against its goal (GridMap's ops/s over
 * IMap's), or none.
 */
enum QueryOperation {
    EQUALITY("indexed equality: category = ? (a random category; hash index)", 1.0),
    RANGE("indexed range: price BETWEEN ? AND ? (0.1% of the prices; sorted index)", 1.0),
    SUM_API("full-scan SUM(price) through the map's API (GridMap.aggregate, IMap.aggregate)", 2.0),
    SUM_SQL("full-scan SELECT SUM(price) through Hazelcast SQL, each map's mapping", 2.0),
    GROUP_BY_SQL("full-scan SELECT category, SUM(price) ... GROUP BY category through Hazelcast SQL", 2.0),
    EXPORT("GridMap's export of the whole map to Parquet (GridExport, from the client; grid only)", null),
    GROUP_BY_OFFLINE("the same GROUP BY offline in DuckDB over the export (OfflineSql), against GridMap's live SQL", null);

    private final String description;
    private final Double goal;

    QueryOperation(String description, Double goal) {
        this.description = description;
        this.goal = goal;
    }

    /**
     * @param label an operation's name on the command line ({@link #label()})
     * @return the operation, or null if none has that name
     */
    static QueryOperation ofLabel(String label) {
        for (QueryOperation op : values()) {
            if (op.label().equals(label)) {
                return op;
            }
        }
        return null;
    }

    /** @return the name in results and on the command line: {@code group-by-sql} */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String description() {
        return description;
    }

    /** @return the least GridMap ops/s over IMap's that meets the goal, or null (no IMap counterpart) */
    Double goal() {
        return goal;
    }
}
