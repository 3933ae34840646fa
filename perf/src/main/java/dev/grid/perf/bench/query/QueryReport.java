package dev.grid.perf.bench.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.report.Format;
import dev.grid.perf.bench.report.SvgCharts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code grid bench query} reports: results.json's {@code query} ({@link Document}), the summary printed at the
 * end, and the report's section (per operation: ops/s bars, latency distributions, throughput over time).
 */
final class QueryReport {
    static final String WHAT = "GridMap against IMap on the same grid cluster, the same entries and the same indexes, from a grid client "
            + "over TCP on 127.0.0.1, one call at a time, one operation and one map after the other; every answer checked against "
            + "the generated data. ops/s is calls per second spent in calls (the checks between calls are not counted); latency is "
            + "each call's time.";
    private static final Map<String, String> COLORS = Map.of("gridmap", SvgCharts.PALETTE[0], "imap", SvgCharts.PALETTE[1],
            "duckdb", SvgCharts.PALETTE[2]);

    private QueryReport() {
    }

    /**
     * results.json's {@code query}.
     *
     * @param loadSeconds seconds each system took to load its entries and to build its indexes
     * @param ratios      GridMap's ops/s over IMap's per operation (and DuckDB's offline over GridMap's live SQL)
     */
    record Document(String what, Options options, Map<String, String> settings, @JsonProperty("load_s") Map<String, Double> loadSeconds,
                    List<QueryRun> runs, List<Ratio> ratios) {
    }

    /** The run's settings, as results.json holds them. */
    record Options(int entries, int members, int partitions, int categories, @JsonProperty("warmup_s") double warmupSeconds,
                   @JsonProperty("settle_s") double settleSeconds,
                   @JsonProperty("duration_s") double durationSeconds, @JsonProperty("server_heap") String serverHeap, long seed,
                   List<String> operations) {
        static Options of(QueryOptions o) {
            return new Options(o.entries(), o.members(), o.partitions(), o.categories(), o.warmup().toMillis() / 1000.0,
                    o.settle().toMillis() / 1000.0, o.duration().toMillis() / 1000.0, o.serverHeap(), o.seed(),
                    o.operations().stream().map(QueryOperation::label).toList());
        }
    }

    /**
     * One system's ops/s over another's for an operation.
     *
     * @param goal the least ratio that meets the goal, null if there is none
     * @param met  whether the ratio meets it, null if there is no goal
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ratio(String operation, String over, double ratio, Double goal, Boolean met) {
    }

    static Document document(QueryOptions options, Map<String, String> settings, Map<String, Double> load, List<QueryRun> runs) {
        return new Document(WHAT, Options.of(options), settings, load, List.copyOf(runs), ratios(runs));
    }

    static List<Ratio> ratios(List<QueryRun> runs) {
        List<Ratio> ratios = new ArrayList<>();
        for (QueryOperation op : QueryOperation.values()) {
            QueryRun top;
            QueryRun bottom;
            if (op == QueryOperation.GROUP_BY_OFFLINE) {
                top = find(runs, op.label(), "duckdb");
                bottom = find(runs, QueryOperation.GROUP_BY_SQL.label(), "gridmap");
            } else {
                top = find(runs, op.label(), "gridmap");
                bottom = find(runs, op.label(), "imap");
            }
            if (top == null || bottom == null || !top.ok() || !bottom.ok() || bottom.opsPerSecond() <= 0) {
                continue;
            }
            double ratio = top.opsPerSecond() / bottom.opsPerSecond();
            String over = op == QueryOperation.GROUP_BY_OFFLINE ? "duckdb offline / gridmap live SQL" : "gridmap / imap";
            ratios.add(new Ratio(op.label(), over, Math.round(ratio * 1000) / 1000.0, op.goal(), op.goal() == null ? null : ratio >= op.goal()));
        }
        return ratios;
    }

    private static QueryRun find(List<QueryRun> runs, String operation, String system) {
        for (QueryRun r : runs) {
            if (r.operation().equals(operation) && r.system().equals(system)) {
                return r;
            }
        }
        return null;
    }

    /** @return the summary printed at the end: per run ops/s and latency, then the ratios against their goals, then failures */
    static String table(List<QueryRun> runs, List<Ratio> ratios) {
        StringBuilder out = new StringBuilder("Queries, one call at a time from a client (ops/s higher is better, latency in µs)\n");
        out.append(String.format(Locale.ROOT, "%-17s %-8s %10s %10s %10s %10s %12s  %s%n", "operation", "system", "ops/s", "p50", "p99", "max",
                "rows/s", "status"));
        for (QueryRun r : runs) {
            out.append(String.format(Locale.ROOT, "%-17s %-8s", r.operation(), r.system()));
            if (r.calls() > 0 && r.latency() != null) {
                out.append(String.format(Locale.ROOT, " %10s %10s %10s %10s %12s", ops(r.opsPerSecond()), Format.micros(r.latency().p50()),
                        Format.micros(r.latency().p99()), Format.micros(r.latency().max()),
                        r.rowsPerSecond() == null ? "" : Format.ops(r.rowsPerSecond())));
            } else {
                out.append(String.format(Locale.ROOT, " %10s %10s %10s %10s %12s", "-", "-", "-", "-", ""));
            }
            out.append("  ").append(r.status()).append('\n');
        }
        if (!ratios.isEmpty()) {
            out.append("\nRatios of ops/s against the goals\n");
            for (Ratio r : ratios) {
                out.append(String.format(Locale.ROOT, "%-17s %-34s %7.2fx  %s%n", r.operation(), r.over(), r.ratio(),
                        r.goal() == null ? "(no goal)" : String.format(Locale.ROOT, "goal >= %.1fx: %s", r.goal(), r.met() ? "met" : "NOT met")));
            }
        }
        List<String> failures = runs.stream().filter(r -> r.reason() != null)
                .map(r -> r.operation() + " " + r.system() + ": " + r.status() + ": " + r.reason()).toList();
        if (!failures.isEmpty()) {
            out.append('\n');
            failures.forEach(f -> out.append(f).append('\n'));
        }
        return out.toString();
    }

    private static String ops(double v) {
        return v >= 100 ? Format.ops(v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return the report's section: what was measured, settings, the summary, and per operation its charts */
    static String html(Document doc) {
        StringBuilder h = new StringBuilder("<h2>Query: GridMap against IMap</h2>\n");
        h.append("<p>").append(Format.html(doc.what())).append("</p>\n");
        Options o = doc.options();
        h.append(String.format(Locale.ROOT, "<p>%,d entries in each map, %d categories, %d member(s); the operations on both maps in turn for %.0f s "
                + "(not counted), then each run %.1f s warm-up + %.1f s measured (at least one call).</p>%n", o.entries(), o.categories(),
                o.members(), o.settleSeconds(), o.warmupSeconds(), o.durationSeconds()));
        h.append("<table><tr><th>setting</th><th>value</th></tr>\n");
        doc.settings().forEach((k, v) -> h.append("<tr><td>").append(Format.html(k)).append("</td><td>").append(Format.html(v))
                .append("</td></tr>\n"));
        doc.loadSeconds().forEach((k, v) -> h.append("<tr><td>").append(Format.html(k)).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.1f s", v)).append("</td></tr>\n"));
        h.append("</table>\n<h3>Summary</h3>\n<pre>").append(Format.html(table(doc.runs(), doc.ratios()))).append("</pre>\n");
        Map<String, List<QueryRun>> byOperation = new LinkedHashMap<>();
        doc.runs().forEach(r -> byOperation.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r));
        for (QueryOperation op : QueryOperation.values()) {
            List<QueryRun> runs = byOperation.get(op.label());
            if (runs != null) {
                h.append(section(op, runs));
            }
        }
        return h.toString();
    }

    private static String section(QueryOperation op, List<QueryRun> runs) {
        StringBuilder s = new StringBuilder("<h3>").append(op.label()).append(": ").append(Format.html(op.description())).append("</h3>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<SvgCharts.Series> curves = new ArrayList<>();
        List<SvgCharts.Series> overTime = new ArrayList<>();
        for (QueryRun r : runs) {
            if (r.calls() == 0) {
                s.append("<p>").append(r.system()).append(": ").append(Format.html(r.status() + (r.reason() == null ? "" : ": " + r.reason())))
                        .append("</p>\n");
                continue;
            }
            String color = COLORS.getOrDefault(r.system(), SvgCharts.PALETTE[3]);
            bars.add(new SvgCharts.Bar(r.system(), r.opsPerSecond(), ops(r.opsPerSecond()) + " ops/s", color));
            List<double[]> curve = new ArrayList<>();
            r.percentileCurve().forEach(p -> curve.add(new double[] {Math.log10(100.0 / (100.0 - p.percentile())), p.micros()}));
            curves.add(new SvgCharts.Series(r.system(), color, curve));
            List<double[]> points = new ArrayList<>();
            for (Progress p : r.timeline()) {
                points.add(new double[] {p.second(), p.opsPerSecond()});
            }
            overTime.add(new SvgCharts.Series(r.system(), color, points));
        }
        if (bars.isEmpty()) {
            return s.toString();
        }
        s.append(SvgCharts.bars("Calls per second (higher is better)", bars));
        List<SvgCharts.Tick> ticks = List.of(new SvgCharts.Tick(0, "0%"), new SvgCharts.Tick(1, "90%"), new SvgCharts.Tick(2, "99%"),
                new SvgCharts.Tick(3, "99.9%"), new SvgCharts.Tick(4, "99.99%"), new SvgCharts.Tick(5, "99.999%"));
        s.append(SvgCharts.lines("Latency distribution (µs per call)", curves, SvgCharts.Axis.custom("percentile", ticks),
                SvgCharts.Axis.log("latency", Format::latencyTick)));
        s.append(SvgCharts.lines("Throughput over time (warm-up included: about one point per second)", overTime,
                SvgCharts.Axis.linear("seconds since the warm-up started", v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v)),
                SvgCharts.Axis.linear("calls/s", Format::count)));
        return s.toString();
    }
}
