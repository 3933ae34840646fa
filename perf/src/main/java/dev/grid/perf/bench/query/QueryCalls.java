package dev.grid.perf.bench.query;

import dev.grid.core.Grid;
import dev.grid.query.QueryResult;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.GridExport;
import dev.grid.query.offline.OfflineSql;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** The calls of each operation, with their parameters and the check of their answers against the data. */
final class QueryCalls {
    private QueryCalls() {
    }

    /** @return the operation on a map (equality, range, the aggregates) */
    static QueryLoop.Call<?, ?> onMap(QueryOperation operation, QueryTarget target, OrderData data) {
        String system = target.system();
        return switch (operation) {
            case EQUALITY -> new QueryLoop.Call<String, Collection<Order>>() {
                @Override
                public String parameter(SplittableRandom random) {
                    return OrderData.category(random.nextInt(data.categories()));
                }

                @Override
                public Collection<Order> call(String category) {
                    return target.equal(category);
                }

                @Override
                public void check(String category, Collection<Order> answer) {
                    ResultCheck.sameEntries("equality category = '" + category + "'", system, answer, data.idsOf(category), data);
                }
            };
            case RANGE -> new QueryLoop.Call<double[], Collection<Order>>() {
                @Override
                public double[] parameter(SplittableRandom random) {
                    int step = random.nextInt(OrderData.PRICE_STEPS - OrderData.RANGE_STEPS + 1);
                    return new double[] {step * OrderData.PRICE_STEP, (step + OrderData.RANGE_STEPS - 1) * OrderData.PRICE_STEP};
                }

                @Override
                public Collection<Order> call(double[] bounds) {
                    return target.between(bounds[0], bounds[1]);
                }

                @Override
                public void check(double[] bounds, Collection<Order> answer) {
                    ResultCheck.sameEntries(String.format(Locale.ROOT, "range price between %s and %s", bounds[0], bounds[1]), system, answer,
                            data.idsBetween(bounds[0], bounds[1]), data);
                }
            };
            case SUM_API -> aggregate(system, "sum-api SUM(price)", target::sumApi, data);
            case SUM_SQL -> aggregate(system, "sum-sql " + LiveSql.sumStatement("<mapping>"), target::sumSql, data);
            case GROUP_BY_SQL -> groups(system, "group-by-sql " + LiveSql.groupByStatement("<mapping>"), target::groupBySql, data);
            default -> throw new IllegalArgumentException(operation.label() + " is not a map operation");
        };
    }

    private static QueryLoop.Call<Void, Object> aggregate(String system, String what, Supplier<Object> sum, OrderData data) {
        return new QueryLoop.Call<>() {
            @Override
            public Void parameter(SplittableRandom random) {
                return null;
            }

            @Override
            public Object call(Void none) {
                return sum.get();
            }

            @Override
            public void check(Void none, Object answer) {
                ResultCheck.sameSum(what, system, answer, data.total());
            }
        };
    }

    private static QueryLoop.Call<Void, Map<String, Double>> groups(String system, String what,
                                                                   Supplier<Map<String, Double>> query, OrderData data) {
        Map<String, Double> expected = data.sumsByCategory();
        return new QueryLoop.Call<>() {
            @Override
            public Void parameter(SplittableRandom random) {
                return null;
            }

            @Override
            public Map<String, Double> call(Void none) {
                return query.get();
            }

            @Override
            public void check(Void none, Map<String, Double> answer) {
                ResultCheck.sameGroups(what, system, answer, expected);
            }
        };
    }

    /** @return GridMap's export of the whole map into {@code dir} (replaced by each call) */
    static QueryLoop.Call<Void, ExportManifest> export(Grid client, Path dir, OrderData data) {
        GridExport export = GridExport.of(client);
        return new QueryLoop.Call<>() {
            @Override
            public Void parameter(SplittableRandom random) {
                return null;
            }

            @Override
            public ExportManifest call(Void none) {
                return export.exportMap(QueryCluster.GRID_MAP, new ExportOptions(dir).setOverwrite(true));
            }

            @Override
            public void check(Void none, ExportManifest answer) {
                if (answer.rows() != data.entries()) {
                    throw new ResultMismatchException(String.format(Locale.ROOT, "export of %s: gridmap wrote %,d rows, the data has %,d entries",
                            QueryCluster.GRID_MAP, answer.rows(), data.entries()));
                }
            }

            @Override
            public long rows(ExportManifest answer) {
                return answer.rows();
            }
        };
    }

    /** The GROUP BY over the export: the value column holds each order as JSON. */
    static String offlineGroupBy() {
        return "SELECT value->>'$.category' AS category, SUM(CAST(value->>'$.price' AS DOUBLE)) FROM " + QueryCluster.GRID_MAP
                + " GROUP BY 1";
    }

    /** @return the GROUP BY in DuckDB over the export {@code sql} has open */
    static QueryLoop.Call<Void, Map<String, Double>> offline(OfflineSql sql, OrderData data) {
        return groups("duckdb", "group-by-offline " + offlineGroupBy(), () -> {
            QueryResult result = sql.query(offlineGroupBy());
            return LiveSql.groups(result);
        }, data);
    }
}
