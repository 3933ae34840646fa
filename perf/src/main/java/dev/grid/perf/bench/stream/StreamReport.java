package dev.grid.perf.bench.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.perf.bench.log.LogRun;
import dev.grid.perf.bench.report.Format;
import dev.grid.perf.bench.report.SvgCharts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code grid bench stream} reports: results.json's {@code stream} ({@link Document}), the summary printed at the
 * end, and the report's section (events/s bars, latency distributions, throughput over time).
 */
final class StreamReport {
    static final String WHAT = "The same Jet pipeline (1 s tumbling-window sums per product, EXACTLY_ONCE) fed from a grid-log topic into a "
            + "GridMap, and from an IMap's event journal into an IMap, on the same member JVMs, one run after the other. Throughput: "
            + "the job started, events appended as fast as the system takes them, timed from the first append to the last window result "
            + "seen in the sink. Latency: events at a fixed "
            + "rate; window latency is from a window's end (when its last event can be appended) to the poll that saw its result; "
            + "event latency is from each event's due append time, so it includes the wait for its window to end (up to 1 s). "
            + "Every result checked against the events.";
    static final double THROUGHPUT_GOAL = 1.0;
    static final double P99_GOAL_MS = 100;
    private static final Map<String, String> COLORS = Map.of(StreamSystem.GRID.label(), SvgCharts.PALETTE[0],
            StreamSystem.IMAP_JOURNAL.label(), SvgCharts.PALETTE[1]);

    private StreamReport() {
    }

    /**
     * results.json's {@code stream}.
     *
     * @param rateSource how the latency runs' rate was chosen
     */
    record Document(String what, Options options, Map<String, String> settings, @JsonProperty("rate_source") String rateSource,
                    List<StreamRun> runs, List<Goal> goals) {
    }

    /** The run's settings, as results.json holds them. */
    record Options(long records, @JsonProperty("rate_per_s") Integer rate, @JsonProperty("warmup_s") double warmupSeconds,
                   @JsonProperty("duration_s") double durationSeconds, int products, int members, int partitions,
                   @JsonProperty("log_partitions") int logPartitions, @JsonProperty("snapshot_interval_ms") long snapshotIntervalMillis,
                   @JsonProperty("server_heap") String serverHeap, long seed) {
        static Options of(StreamOptions o) {
            return new Options(o.records(), o.rate() == 0 ? null : o.rate(), o.warmup().toMillis() / 1000.0, o.duration().toMillis() / 1000.0,
                    o.products(), o.members(), o.partitions(), o.logPartitions(), o.snapshotInterval().toMillis(), o.serverHeap(), o.seed());
        }
    }

    /**
     * One of the goals against what was measured.
     *
     * @param measured the ratio (throughput) or the p99 in ms (latency)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Goal(String goal, String measure, double measured, boolean met, String note) {
    }

    static Document document(StreamOptions options, Map<String, String> settings, String rateSource, List<StreamRun> runs) {
        return new Document(WHAT, Options.of(options), settings, rateSource, List.copyOf(runs), goals(runs, options.rate() == 0));
    }

    /** @return the goals that the runs so far can be held against */
    static List<Goal> goals(List<StreamRun> runs, boolean halfOfMax) {
        List<Goal> goals = new ArrayList<>();
        StreamRun grid = find(runs, StreamSystem.GRID, StreamRun.THROUGHPUT);
        StreamRun journal = find(runs, StreamSystem.IMAP_JOURNAL, StreamRun.THROUGHPUT);
        if (grid != null && journal != null && grid.eventsPerSecond() > 0 && journal.eventsPerSecond() > 0) {
            double ratio = Math.round(grid.eventsPerSecond() / journal.eventsPerSecond() * 1000) / 1000.0;
            String note = !grid.ok() ? "grid's run failed: " + grid.status()
                    : !journal.ok() ? "imap-journal's results were not exactly once (its run failed the check): the ratio compares a right "
                    + "pipeline with a wrong one" : null;
            goals.add(new Goal(String.format(Locale.ROOT, "throughput >= %.1fx the journal pipeline's", THROUGHPUT_GOAL),
                    "grid events/s / imap-journal events/s", ratio, grid.ok() && ratio >= THROUGHPUT_GOAL, note));
        }
        StreamRun latency = find(runs, StreamSystem.GRID, StreamRun.LATENCY);
        if (latency != null && latency.ok() && latency.windowLatency() != null && latency.windowLatency().count() > 0) {
            double p99 = Math.round(latency.windowLatency().p99() / 10) / 100.0;
            goals.add(new Goal(String.format(Locale.ROOT, "p99 < %.0f ms at half the maximum rate", P99_GOAL_MS),
                    String.format(Locale.ROOT, "grid window latency p99 at %,.0f events/s, ms", latency.rate()), p99, p99 < P99_GOAL_MS,
                    halfOfMax ? null : "the rate was given with --rate, not half the measured maximum"));
        }
        return goals;
    }

    private static StreamRun find(List<StreamRun> runs, StreamSystem system, String scenario) {
        for (StreamRun r : runs) {
            if (r.system().equals(system.label()) && r.scenario().equals(scenario)) {
                return r;
            }
        }
        return null;
    }

    /** @return the summary printed at the end: per run events/s and latencies, the goals, then failures */
    static String table(List<StreamRun> runs, List<Goal> goals) {
        StringBuilder out = new StringBuilder("Stream: window sums per product, EXACTLY_ONCE (events/s higher is better; appended/s: "
                + "the append rate of a throughput run, the fixed rate of a latency run; latency in ms)\n");
        out.append(String.format(Locale.ROOT, "%-12s %-10s %11s %11s %9s %9s %9s %9s %9s  %s%n", "system", "run", "events/s", "appended/s",
                "win p50", "win p99", "win max", "evt p50", "evt p99", "status"));
        for (StreamRun r : runs) {
            out.append(String.format(Locale.ROOT, "%-12s %-10s %11s %11s", r.system(), r.scenario(),
                    r.eventsPerSecond() > 0 ? Format.ops(r.eventsPerSecond()) : "-", r.rate() == null ? "" : Format.ops(r.rate())));
            LogRun.Latency w = r.windowLatency();
            LogRun.Latency e = r.eventLatency();
            if (w != null && w.count() > 0) {
                out.append(String.format(Locale.ROOT, " %9s %9s %9s %9s %9s", ms(w.p50()), ms(w.p99()), ms(w.max()), ms(e.p50()), ms(e.p99())));
            } else {
                out.append(String.format(Locale.ROOT, " %9s %9s %9s %9s %9s", "", "", "", "", ""));
            }
            out.append("  ").append(r.status()).append('\n');
        }
        if (!goals.isEmpty()) {
            out.append("\nGoals (issue 15)\n");
            for (Goal g : goals) {
                out.append(String.format(Locale.ROOT, "%-42s %-52s %9.2f  %s%s%n", g.goal(), g.measure(), g.measured(), g.met() ? "met" : "NOT met",
                        g.note() == null ? "" : " (" + g.note() + ")"));
            }
        }
        List<String> failures = runs.stream().filter(r -> r.reason() != null)
                .map(r -> r.system() + " " + r.scenario() + ": " + r.status() + ": " + r.reason()).toList();
        if (!failures.isEmpty()) {
            out.append('\n');
            failures.forEach(f -> out.append(f).append('\n'));
        }
        return out.toString();
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, micros >= 10_000 ? "%,.0f" : "%.1f", micros / 1000);
    }

    /** @return the report's section: what was measured, settings, the summary, and the charts of each scenario */
    static String html(Document doc) {
        StringBuilder h = new StringBuilder("<h2>Stream: Jet over grid-log into GridMap against Jet over IMap's event journal</h2>\n");
        h.append("<p>").append(Format.html(doc.what())).append("</p>\n");
        Options o = doc.options();
        h.append(String.format(Locale.ROOT, "<p>%,d events appended to each system for throughput; latency runs %.1f s warm-up + %.1f s "
                + "measured at %s; %d products, %d member(s).</p>%n", o.records(), o.warmupSeconds(), o.durationSeconds(),
                Format.html(doc.rateSource() == null ? "-" : doc.rateSource()), o.products(), o.members()));
        h.append("<table><tr><th>setting</th><th>value</th></tr>\n");
        doc.settings().forEach((k, v) -> h.append("<tr><td>").append(Format.html(k)).append("</td><td>").append(Format.html(v))
                .append("</td></tr>\n"));
        h.append("</table>\n<h3>Summary</h3>\n<pre>").append(Format.html(table(doc.runs(), doc.goals()))).append("</pre>\n");
        h.append(throughputSection(doc.runs())).append(latencySection(doc.runs()));
        return h.toString();
    }

    private static String throughputSection(List<StreamRun> runs) {
        List<StreamRun> measured = runs.stream().filter(r -> r.scenario().equals(StreamRun.THROUGHPUT) && r.eventsPerSecond() > 0).toList();
        if (measured.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<h3>Throughput: events appended as fast as taken, through the job</h3>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<SvgCharts.Series> overTime = new ArrayList<>();
        for (StreamRun r : measured) {
            String color = COLORS.getOrDefault(r.system(), SvgCharts.PALETTE[3]);
            bars.add(new SvgCharts.Bar(r.system(), r.eventsPerSecond(), Format.ops(r.eventsPerSecond()) + " events/s", color));
            overTime.add(new SvgCharts.Series(r.system(), color, points(r, StreamRun.Point::resultsPerSecond)));
        }
        s.append(SvgCharts.bars("Events per second through the job (higher is better)", bars));
        s.append(SvgCharts.lines("Events whose window result appeared, per second, since the job ran", overTime, seconds(),
                SvgCharts.Axis.linear("events/s", Format::count)));
        return s.toString();
    }

    private static String latencySection(List<StreamRun> runs) {
        List<StreamRun> measured = runs.stream().filter(r -> r.scenario().equals(StreamRun.LATENCY) && r.windowLatency() != null
                && r.windowLatency().count() > 0).toList();
        if (measured.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<h3>Latency at a fixed rate</h3>\n");
        List<SvgCharts.Series> windowCurves = new ArrayList<>();
        List<SvgCharts.Series> eventCurves = new ArrayList<>();
        List<SvgCharts.Series> overTime = new ArrayList<>();
        List<SvgCharts.Series> p99OverTime = new ArrayList<>();
        for (StreamRun r : measured) {
            String color = COLORS.getOrDefault(r.system(), SvgCharts.PALETTE[3]);
            windowCurves.add(new SvgCharts.Series(r.system(), color, curve(r.windowPercentileCurve())));
            eventCurves.add(new SvgCharts.Series(r.system(), color, curve(r.eventPercentileCurve())));
            overTime.add(new SvgCharts.Series(r.system() + " results", color, points(r, StreamRun.Point::resultsPerSecond)));
            p99OverTime.add(new SvgCharts.Series(r.system(), color, points(r, p -> p.p99Micros())));
        }
        List<SvgCharts.Tick> ticks = List.of(new SvgCharts.Tick(0, "0%"), new SvgCharts.Tick(1, "90%"), new SvgCharts.Tick(2, "99%"),
                new SvgCharts.Tick(3, "99.9%"), new SvgCharts.Tick(4, "99.99%"), new SvgCharts.Tick(5, "99.999%"));
        s.append(SvgCharts.lines("Latency distribution: window end to result seen in the sink (µs)", windowCurves,
                SvgCharts.Axis.custom("percentile", ticks), SvgCharts.Axis.log("latency", Format::latencyTick)));
        s.append(SvgCharts.lines("Latency distribution: event appended to its window's result seen (µs, includes the window)", eventCurves,
                SvgCharts.Axis.custom("percentile", ticks), SvgCharts.Axis.log("latency", Format::latencyTick)));
        s.append(SvgCharts.lines("Throughput over time: events whose result appeared, per second (warm-up included)", overTime, seconds(),
                SvgCharts.Axis.linear("events/s", Format::count)));
        s.append(SvgCharts.lines("Window latency p99 per second (µs)", p99OverTime, seconds(), SvgCharts.Axis.log("latency", Format::latencyTick)));
        return s.toString();
    }

    private static List<double[]> points(StreamRun r, Function<StreamRun.Point, Double> value) {
        List<double[]> points = new ArrayList<>();
        for (StreamRun.Point p : r.timeline()) {
            Double v = value.apply(p);
            if (v != null) {
                points.add(new double[] {p.second(), v});
            }
        }
        return points;
    }

    private static List<double[]> curve(List<LogRun.CurvePoint> curve) {
        List<double[]> points = new ArrayList<>();
        curve.forEach(p -> points.add(new double[] {Math.log10(100.0 / (100.0 - p.percentile())), p.micros()}));
        return points;
    }

    private static SvgCharts.Axis seconds() {
        return SvgCharts.Axis.linear("seconds", v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v));
    }
}
