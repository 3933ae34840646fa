package dev.grid.perf.bench.query;

import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.query.offline.OfflineSql;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code grid bench query}: generate the data, start the cluster, load both maps and index them, run every operation on
 * both maps in turn for {@code --settle}, then for each operation measure GridMap and then IMap; export GridMap to
 * Parquet, measure the GROUP BY in DuckDB over the export; stop the cluster. Results are written after every run (and when the run is stopped with Ctrl-C).
 */
public final class QueryCommand {
    private final QueryOptions options;
    /** the operations measured on both maps, of those {@code --operations} selects */
    private final List<QueryOperation> mapOperations;
    private final StopSignal stop;
    private final Results results;
    private final List<QueryRun> runs = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Double> load = new LinkedHashMap<>();

    /** @param commandLine the command line, for the report */
    public QueryCommand(QueryOptions options, StopSignal stop, String commandLine) {
        this.options = options;
        this.mapOperations = options.operations().stream().filter(QueryOperation::onMaps).toList();
        this.stop = stop;
        this.results = new Results(commandLine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * Runs everything, prints the summary and writes results.json and report.html.
     *
     * @return 0 if every run measured and every answer was right, 1 otherwise
     */
    public int run() throws IOException {
        long started = System.nanoTime();
        try {
            log(String.format(Locale.ROOT, "query: generating %,d orders (%d categories, seed %d)", options.entries(), options.categories(),
                    options.seed()));
            OrderData data = new OrderData(options.entries(), options.categories(), options.seed());
            log("query: starting " + options.members() + " member JVM(s)");
            QueryCluster cluster;
            try {
                cluster = QueryCluster.start(options, options.out().resolve("logs"));
            } catch (RuntimeException e) {
                log("query: the cluster failed to start: " + e.getMessage());
                all(QueryRun.FAILED, "start failed: " + e.getMessage());
                return 1;
            }
            try (cluster) {
                log("query: cluster up; member pids " + cluster.childPids());
                settings.putAll(cluster.settings());
                load.putAll(QueryLoad.run(cluster, data, QueryCommand::log));
                measure(cluster, data);
            }
        } finally {
            System.out.println();
            System.out.print(QueryReport.table(runs, QueryReport.ratios(runs)));
            for (Path f : write()) {
                log("wrote " + f);
            }
            log(String.format(Locale.ROOT, "query benchmark took %.0f s", (System.nanoTime() - started) / 1e9));
        }
        return runs.stream().allMatch(QueryRun::ok) && runs.size() == expectedRuns() ? 0 : 1;
    }

    /** @return the runs a complete benchmark makes: two per map operation, one for export and one for DuckDB, if selected */
    private int expectedRuns() {
        return options.operations().size() + mapOperations.size();
    }

    /** @return every run so far */
    public List<QueryRun> runs() {
        return List.copyOf(runs);
    }

    private void measure(QueryCluster cluster, OrderData data) {
        List<QueryTarget> targets = List.of(new GridMapQueries(cluster.client(), QueryCluster.GRID_MAP, options.categories()),
                new IMapQueries(cluster.client(), QueryCluster.IMAP, options.categories()));
        primeEveryOperation(targets, data);
        settle(targets, data);
        for (QueryOperation op : mapOperations) {
            for (QueryTarget target : targets) {
                step(op, target.system(), () -> QueryCalls.onMap(op, target, data));
            }
        }
        if (!options.operations().contains(QueryOperation.EXPORT)) {
            return; // and so no group-by-offline either (the options refuse it without export)
        }
        Path exportDir = options.out().resolve("export").resolve(QueryCluster.GRID_MAP);
        QueryRun export = step(QueryOperation.EXPORT, "gridmap", () -> QueryCalls.export(cluster.client(), exportDir, data));
        if (export == null || !export.ok()) {
            runs.add(QueryRun.unmeasured(QueryOperation.GROUP_BY_OFFLINE, "duckdb", QueryRun.FAILED, "no export to read"));
            return;
        }
        long t0 = System.nanoTime();
        try (OfflineSql sql = OfflineSql.open(exportDir)) {
            load.put("duckdb open", (System.nanoTime() - t0) / 1e9);
            settings.put("offline", "OfflineSql.open(" + exportDir + "), DuckDB in this JVM: " + QueryCalls.offlineGroupBy());
            step(QueryOperation.GROUP_BY_OFFLINE, "duckdb", () -> QueryCalls.offline(sql, data));
        }
    }

    /** Each operation once on each system before any is measured ({@link QueryLoop#prime}); a failure here is left to its step. */
    private void primeEveryOperation(List<QueryTarget> targets, OrderData data) {
        log("query: priming: each operation once on each system (not counted)");
        for (QueryOperation op : mapOperations) {
            for (QueryTarget target : targets) {
                if (stop.stopping()) {
                    return;
                }
                try {
                    QueryLoop.prime(QueryCalls.onMap(op, target, data), options.seed());
                } catch (RuntimeException e) {
                    log("query: priming " + op.label() + " on " + target.system() + " failed (its step will say more): " + e);
                }
            }
        }
    }

    /**
     * Every map operation on both maps in turn for {@code --settle} ({@link QueryLoop#settle}). A failure ends the settling
     * and is left to the operation's step to report.
     */
    private void settle(List<QueryTarget> targets, OrderData data) {
        if (options.settle().isZero() || stop.stopping()) {
            return;
        }
        Map<String, QueryLoop.Call<?, ?>> calls = new LinkedHashMap<>();
        for (QueryOperation op : mapOperations) {
            for (QueryTarget target : targets) {
                calls.put(op.label() + " " + target.system(), QueryCalls.onMap(op, target, data));
            }
        }
        log(String.format(Locale.ROOT, "query: settling for %.0f s: %s in turn, one call each (not counted)", options.settle().toMillis() / 1e3,
                String.join(", ", calls.keySet())));
        try {
            Map<String, Long> made = QueryLoop.settle(calls, options.settle(), options.seed(), stop, QueryCommand::log);
            settings.put("settle", made.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                    + " calls in " + options.settle().toMillis() / 1000 + " s");
        } catch (RuntimeException e) {
            log("query: settling stopped (the measured steps will say more): " + e);
        }
    }

    /** Measures one operation on one system; a failure, a wrong answer included, is reported as the run's and the next one goes on. */
    private QueryRun step(QueryOperation op, String system, Supplier<QueryLoop.Call<?, ?>> call) {
        if (stop.stopping()) {
            return null;
        }
        log("query: " + op.label() + " on " + system + ": " + op.description());
        QueryRun run;
        try {
            run = QueryLoop.measure(op, system, options.warmup(), options.duration(), options.seed(), stop, QueryCommand::log, call.get());
            log(String.format(Locale.ROOT, "query: %s %s: %,.1f ops/s, p50 %,.0f µs, p99 %,.0f µs (%,d calls, every answer checked)",
                    op.label(), system, run.opsPerSecond(), run.latency().p50(), run.latency().p99(), run.calls()));
        } catch (ResultMismatchException e) {
            log("query: RESULTS DIFFER: " + e.getMessage());
            run = QueryRun.unmeasured(op, system, QueryRun.FAILED, "results differ from the data: " + e.getMessage());
        } catch (RuntimeException e) {
            String status = stop.stopping() ? QueryRun.INTERRUPTED : QueryRun.FAILED;
            log("query: " + op.label() + " " + system + " " + status + ": " + e);
            run = QueryRun.unmeasured(op, system, status, e.toString());
        }
        runs.add(run);
        try {
            write();
        } catch (IOException e) {
            log("query: cannot write the results yet: " + e.getMessage());
        }
        return run;
    }

    private void all(String status, String reason) {
        for (QueryOperation op : mapOperations) {
            runs.add(QueryRun.unmeasured(op, "gridmap", status, reason));
            runs.add(QueryRun.unmeasured(op, "imap", status, reason));
        }
        if (options.operations().contains(QueryOperation.EXPORT)) {
            runs.add(QueryRun.unmeasured(QueryOperation.EXPORT, "gridmap", status, reason));
        }
        if (options.operations().contains(QueryOperation.GROUP_BY_OFFLINE)) {
            runs.add(QueryRun.unmeasured(QueryOperation.GROUP_BY_OFFLINE, "duckdb", status, reason));
        }
    }

    private List<Path> write() throws IOException {
        QueryReport.Document doc = QueryReport.document(options, settings, load, runs);
        results.putSection("query", doc, QueryReport.html(doc));
        return results.write(options.out());
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
