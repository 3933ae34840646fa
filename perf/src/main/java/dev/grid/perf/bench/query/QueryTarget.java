package dev.grid.perf.bench.query;

import java.util.Collection;
import java.util.Map;

/**
 * One map of the bench cluster, reached from the client: GridMap ({@link GridMapQueries}) or IMap ({@link
 * IMapQueries}), holding the same entries with the same indexes. Each method is one measured call.
 */
interface QueryTarget {
    /** @return {@code gridmap} or {@code imap} */
    String system();

    /** @return the values whose category equals {@code category} */
    Collection<Order> equal(String category);

    /** @return the values whose price is in [low, high] */
    Collection<Order> between(double low, double high);

    /** @return SUM(price) over every entry, through the map's own aggregation API */
    Object sumApi();

    /** @return {@code SELECT SUM(price)} over the map's SQL mapping */
    Object sumSql();

    /** @return {@code SELECT category, SUM(price) ... GROUP BY category} over the map's SQL mapping */
    Map<String, Double> groupBySql();
}
