package dev.grid.perf.bench.query;

import com.hazelcast.config.IndexType;
import com.hazelcast.map.IMap;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridIndexConfig;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills both maps with the same entries ({@code putAll} of 1,000 at a time from the client, a progress line every
 * second), then adds the same indexes to each and creates their SQL mappings; times each step.
 */
final class QueryLoad {
    private static final int BATCH = 1_000;

    private QueryLoad() {
    }

    /** @return seconds per step: {@code gridmap load}, {@code gridmap indexes}, {@code imap load}, ... */
    static Map<String, Double> run(QueryCluster cluster, OrderData data, Consumer<String> log) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        GridMap<Integer, Order> grid = cluster.client().map(QueryCluster.GRID_MAP);
        IMap<Integer, Order> imap = cluster.client().hazelcast().getMap(QueryCluster.IMAP);
        seconds.put("gridmap load", load("gridmap", grid::putAll, data, log));
        seconds.put("gridmap indexes", timed(() -> {
            grid.addIndex(GridIndexConfig.hash("category"));
            grid.addIndex(GridIndexConfig.sorted("price"));
        }));
        seconds.put("imap load", load("imap", imap::putAll, data, log));
        seconds.put("imap indexes", timed(() -> {
            imap.addIndex(IndexType.HASH, "category");
            imap.addIndex(IndexType.SORTED, "price");
        }));
        LiveSql sql = new LiveSql(cluster.client(), QueryCluster.GRID_MAP, 1);
        sql.execute(LiveSql.createMapping(QueryCluster.GRID_MAP, "GridMap"));
        sql.execute(LiveSql.createMapping(QueryCluster.IMAP, "IMap"));
        log.accept(String.format(Locale.ROOT, "query: indexes built in %.1f s (gridmap), %.1f s (imap); SQL mappings created",
                seconds.get("gridmap indexes"), seconds.get("imap indexes")));
        return seconds;
    }

    private static double load(String system, Consumer<Map<Integer, Order>> putAll, OrderData data, Consumer<String> log) {
        long start = System.nanoTime();
        long nextPrint = start + 1_000_000_000L;
        Map<Integer, Order> batch = new HashMap<>();
        for (int id = 0; id < data.entries(); id++) {
            batch.put(id, data.order(id));
            if (batch.size() == BATCH || id == data.entries() - 1) {
                putAll.accept(batch);
                batch = new HashMap<>();
                long now = System.nanoTime();
                if (now >= nextPrint) {
                    log.accept(String.format(Locale.ROOT, "query: loading %s %,d of %,d entries (%,.0f/s)", system, id + 1, data.entries(),
                            (id + 1) * 1e9 / (now - start)));
                    nextPrint += 1_000_000_000L;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.accept(String.format(Locale.ROOT, "query: loaded %s: %,d entries in %.1f s (%,.0f/s)", system, data.entries(), seconds,
                data.entries() / seconds));
        return seconds;
    }

    private static double timed(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
