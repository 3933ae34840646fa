package dev.grid.perf.bench.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.perf.bench.report.Format;
import dev.grid.perf.bench.report.SvgCharts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code grid bench log} reports: results.json's {@code log} ({@link Document}), the summary tables printed at the
 * end, and the report's section (tables, throughput over time per system, latency distributions).
 */
final class LogReport {
    static final String WHAT = "grid-log against Apache Kafka 4.4.0 and Redis Streams, from a client over TCP on 127.0.0.1, "
            + "one system at a time on the same machine: produce throughput (records acknowledged per second), consume throughput "
            + "(one partition read from its first record), and end-to-end latency at fixed rates (from each record's intended send "
            + "time to its delivery to a consumer: coordinated omission corrected). Data sits in the OS page cache: no system "
            + "forces writes to disk per record.";
    private static final int CHART_POINTS = 40;
    private static final Map<String, String> COLORS = Map.of("grid", SvgCharts.PALETTE[0], "kafka", SvgCharts.PALETTE[1],
            "redis", SvgCharts.PALETTE[2]);

    private LogReport() {
    }

    /**
     * results.json's {@code log}.
     *
     * @param what       what is measured, and how
     * @param topologies what each topology means for each system
     * @param options    the settings of the run
     * @param settings   per system, per topology, how it was deployed and how its clients were set
     * @param runs       every run
     * @param ratios     grid against Kafka, run by run
     */
    record Document(String what, Map<String, String> topologies, Options options, Map<String, Map<String, Map<String, String>>> settings,
                    List<LogRun> runs, @JsonProperty("grid_over_kafka") List<Ratio> ratios) {
    }

    /** The run's settings, as results.json holds them. */
    record Options(List<String> systems, List<String> topologies, long records, @JsonProperty("warmup_records") long warmupRecords,
                   List<Integer> partitions, @JsonProperty("rates_per_s") List<Integer> rates, @JsonProperty("warmup_s") double warmupSeconds,
                   @JsonProperty("settle_s") double settleSeconds,
                   @JsonProperty("duration_s") double durationSeconds, @JsonProperty("run_limit_s") double runLimitSeconds,
                   @JsonProperty("record_bytes") int recordBytes, @JsonProperty("linger_ms") long lingerMillis,
                   @JsonProperty("batch_bytes") int batchBytes, @JsonProperty("server_heap") String serverHeap, boolean quick) {
        static Options of(LogOptions o) {
            return new Options(o.systems().stream().map(LogSystem::label).toList(), o.topologies().stream().map(Topology::label).toList(),
                    o.records(), o.warmupRecords(), o.partitions(), o.rates(), o.warmup().toMillis() / 1000.0, o.settle().toMillis() / 1000.0,
                    o.duration().toMillis() / 1000.0,
                    o.runLimit().toMillis() / 1000.0, o.recordSize(), o.linger().toMillis(), o.batchBytes(), o.serverHeap(), o.quick());
        }
    }

    /**
     * grid's figure over Kafka's for one run.
     *
     * @param run    the run ({@code replicated produce 8p}, {@code single latency 10000/s})
     * @param metric {@code records_per_s} (higher is better) or {@code p99_us} (lower is better)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ratio(String run, String metric, double grid, double kafka, double ratio) {
    }

    static Document document(LogOptions options, Map<String, Map<String, Map<String, String>>> settings, List<LogRun> runs) {
        Map<String, String> topologies = new LinkedHashMap<>();
        for (Topology t : options.topologies()) {
            topologies.put(t.label(), t.description());
        }
        return new Document(WHAT, topologies, Options.of(options), settings, List.copyOf(runs), ratios(runs));
    }

    static List<Ratio> ratios(List<LogRun> runs) {
        List<Ratio> ratios = new ArrayList<>();
        for (LogRun grid : runs) {
            if (!grid.system().equals("grid") || !grid.ok()) {
                continue;
            }
            LogRun kafka = find(runs, "kafka", grid.group());
            if (kafka == null || !kafka.ok()) {
                continue;
            }
            if (grid.latency() != null && kafka.latency() != null && kafka.latency().p99() > 0) {
                ratios.add(new Ratio(grid.group(), "p99_us", grid.latency().p99(), kafka.latency().p99(), grid.latency().p99() / kafka.latency().p99()));
            } else if (grid.latency() == null && kafka.recordsPerSecond() > 0) {
                ratios.add(new Ratio(grid.group(), "records_per_s", grid.recordsPerSecond(), kafka.recordsPerSecond(),
                        grid.recordsPerSecond() / kafka.recordsPerSecond()));
            }
        }
        return ratios;
    }

    private static LogRun find(List<LogRun> runs, String system, String group) {
        for (LogRun r : runs) {
            if (r.system().equals(system) && r.group().equals(group)) {
                return r;
            }
        }
        return null;
    }

    /** @return the groups of comparable runs, in run order, each with its runs by system */
    private static Map<String, Map<String, LogRun>> groups(List<LogRun> runs, Function<LogRun, Boolean> filter) {
        Map<String, Map<String, LogRun>> groups = new LinkedHashMap<>();
        for (LogRun r : runs) {
            if (filter.apply(r)) {
                groups.computeIfAbsent(r.group(), g -> new LinkedHashMap<>()).put(r.system(), r);
            }
        }
        return groups;
    }

    private static String runName(LogRun r) {
        return switch (r.scenario()) {
            case LogRuns.PRODUCE -> "produce, " + r.partitions() + (r.partitions() == 1 ? " partition" : " partitions");
            case LogRuns.CONSUME -> "consume, 1 partition";
            default -> String.format(Locale.ROOT, "latency at %,.0f/s", r.rate());
        };
    }

    private static String cell(LogRun r, Function<LogRun, String> figure) {
        if (r == null) {
            return "-";
        }
        return r.ok() || r.status().equals(LogRun.INTERRUPTED) && r.records() > 0 ? figure.apply(r) : r.status();
    }

    /** @return the summary printed at the end: throughput with grid/kafka ratios, then latency percentiles */
    static String table(List<LogRun> runs, List<LogSystem> systems) {
        StringBuilder out = new StringBuilder();
        boolean ratios = systems.contains(LogSystem.GRID) && systems.contains(LogSystem.KAFKA);
        Map<String, Map<String, LogRun>> throughput = groups(runs, r -> !r.scenario().equals(LogRuns.LATENCY));
        if (!throughput.isEmpty()) {
            out.append("Throughput, records/s (higher is better)\n");
            out.append(String.format(Locale.ROOT, "%-11s %-22s", "topology", "run"));
            systems.forEach(s -> out.append(String.format(Locale.ROOT, " %12s", s.label())));
            out.append(ratios ? String.format(Locale.ROOT, " %11s%n", "grid/kafka") : "\n");
            throughput.forEach((group, bySystem) -> {
                LogRun any = bySystem.values().iterator().next();
                out.append(String.format(Locale.ROOT, "%-11s %-22s", any.topology(), runName(any)));
                systems.forEach(s -> out.append(String.format(Locale.ROOT, " %12s", cell(bySystem.get(s.label()),
                        r -> Format.ops(r.recordsPerSecond())))));
                out.append(ratios ? String.format(Locale.ROOT, " %11s%n", ratio(bySystem, r -> r.recordsPerSecond())) : "\n");
            });
        }
        Map<String, Map<String, LogRun>> latency = groups(runs, r -> r.scenario().equals(LogRuns.LATENCY));
        if (!latency.isEmpty()) {
            out.append("\nEnd-to-end latency, µs from the intended send time to delivery (lower is better)\n");
            out.append(String.format(Locale.ROOT, "%-11s %-22s %-6s %10s %10s %10s %10s %12s%n", "topology", "run", "system", "p50", "p99",
                    "p99.9", "max", "delivered/s"));
            latency.forEach((group, bySystem) -> {
                for (LogSystem s : systems) {
                    LogRun r = bySystem.get(s.label());
                    if (r == null) {
                        continue;
                    }
                    out.append(String.format(Locale.ROOT, "%-11s %-22s %-6s", r.topology(), runName(r), r.system()));
                    if (r.latency() != null && r.latency().count() > 0) {
                        out.append(String.format(Locale.ROOT, " %10s %10s %10s %10s %12s", Format.micros(r.latency().p50()),
                                Format.micros(r.latency().p99()), Format.micros(r.latency().p999()), Format.micros(r.latency().max()),
                                Format.ops(r.recordsPerSecond())));
                        if (!r.ok()) {
                            out.append("  ").append(r.status());
                        }
                    } else {
                        out.append("  ").append(r.status());
                    }
                    out.append('\n');
                }
                String p99 = ratio(bySystem, r -> r.latency() == null ? 0 : r.latency().p99());
                if (!p99.equals("-")) {
                    out.append(String.format(Locale.ROOT, "%-11s %-22s grid/kafka p99: %s%n", "", "", p99));
                }
            });
        }
        List<String> notes = notes(runs);
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(n).append('\n'));
        }
        return out.toString();
    }

    private static String ratio(Map<String, LogRun> bySystem, Function<LogRun, Double> figure) {
        LogRun grid = bySystem.get("grid");
        LogRun kafka = bySystem.get("kafka");
        if (grid == null || kafka == null || !grid.ok() || !kafka.ok() || figure.apply(kafka) <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", figure.apply(grid) / figure.apply(kafka));
    }

    /** @return one line per run that is not plainly ok, or that carries a note */
    private static List<String> notes(List<LogRun> runs) {
        List<String> notes = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (LogRun r : runs) {
            if (r.reason() == null) {
                continue;
            }
            String line = r.system() + " " + r.topology() + " " + runName(r) + ": " + r.status() + ": " + r.reason();
            String deployment = r.system() + " " + r.topology() + ": " + r.status() + ": " + r.reason();
            if (r.status().equals(LogRun.SKIPPED)) {
                seen.putIfAbsent(deployment, deployment);
            } else {
                notes.add(line);
            }
        }
        List<String> all = new ArrayList<>(seen.values());
        all.addAll(notes);
        return all;
    }

    /** @return the report's section: what was measured, settings, tables, and per comparable group its charts */
    static String html(Document doc, List<LogSystem> systems) {
        StringBuilder h = new StringBuilder("<h2>Log: grid-log, Kafka 4.4.0, Redis Streams</h2>\n");
        h.append("<p>").append(Format.html(doc.what())).append("</p>\n<table><tr><th>topology</th><th>what it means</th></tr>\n");
        doc.topologies().forEach((t, d) -> h.append("<tr><td>").append(t).append("</td><td>").append(Format.html(d)).append("</td></tr>\n"));
        h.append("</table>\n");
        Options o = doc.options();
        h.append(String.format(Locale.ROOT, "<p>Records of %d bytes; produce runs of %,d records (after %,d produced and read back to "
                        + "warm up), partitions %s; latency at %s records/s, %.1f s warm-up + %.1f s measured; a produce or consume "
                        + "run stops after %.0f s. Linger %d ms and batches of up to %,d bytes per partition for every producer.</p>\n",
                o.recordBytes(), o.records(), o.warmupRecords(), o.partitions(), o.rates(), o.warmupSeconds(), o.durationSeconds(),
                o.runLimitSeconds(), o.lingerMillis(), o.batchBytes()));
        h.append("<table><tr><th>system</th><th>topology</th><th>setting</th><th>value</th></tr>\n");
        doc.settings().forEach((system, byTopology) -> byTopology.forEach((topology, settings) -> settings.forEach((k, v) ->
                h.append("<tr><td>").append(system).append("</td><td>").append(topology).append("</td><td>").append(Format.html(k))
                        .append("</td><td>").append(Format.html(v)).append("</td></tr>\n"))));
        h.append("</table>\n");
        h.append("<h3>Summary</h3>\n<pre>").append(Format.html(table(doc.runs(), systems))).append("</pre>\n");
        groups(doc.runs(), r -> !r.scenario().equals(LogRuns.LATENCY)).forEach((group, bySystem) -> h.append(throughputSection(bySystem)));
        groups(doc.runs(), r -> r.scenario().equals(LogRuns.LATENCY)).forEach((group, bySystem) -> h.append(latencySection(bySystem)));
        return h.toString();
    }

    private static String title(LogRun any) {
        return any.topology() + ": " + runName(any);
    }

    private static String throughputSection(Map<String, LogRun> bySystem) {
        LogRun any = bySystem.values().iterator().next();
        StringBuilder s = new StringBuilder("<h3>").append(Format.html(title(any))).append("</h3>\n");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<SvgCharts.Series> lines = new ArrayList<>();
        bySystem.forEach((system, r) -> {
            if (r.records() == 0) {
                return;
            }
            bars.add(new SvgCharts.Bar(system, r.recordsPerSecond(), Format.ops(r.recordsPerSecond()) + " records/s", COLORS.get(system)));
            lines.add(new SvgCharts.Series(system, COLORS.get(system), smooth(r.timeline())));
        });
        s.append(notMeasured(bySystem));
        if (bars.isEmpty()) {
            return s.toString();
        }
        String what = any.scenario().equals(LogRuns.PRODUCE) ? "acknowledged" : "read";
        s.append(SvgCharts.bars("Records " + what + " per second (higher is better)", bars));
        s.append(SvgCharts.lines("Throughput over time (records " + what + "/s: 100 ms samples, averaged to at most " + CHART_POINTS
                        + " points per run)", lines,
                SvgCharts.Axis.linear("seconds since the run started", v -> String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v)),
                SvgCharts.Axis.linear("records/s", Format::count)));
        return s.toString();
    }

    /** @return the timeline as chart points, consecutive 100 ms intervals averaged so a run has at most {@value #CHART_POINTS} */
    static List<double[]> smooth(List<LogRun.Point> timeline) {
        int group = Math.max(1, (timeline.size() + CHART_POINTS - 1) / CHART_POINTS);
        List<double[]> points = new ArrayList<>();
        double previousEnd = 0;
        for (int i = 0; i < timeline.size(); i += group) {
            List<LogRun.Point> part = timeline.subList(i, Math.min(timeline.size(), i + group));
            double end = part.get(part.size() - 1).second();
            double records = 0;
            double from = previousEnd;
            for (LogRun.Point p : part) {
                records += p.recordsPerSecond() * (p.second() - from);
                from = p.second();
            }
            points.add(new double[] {end, end > previousEnd ? records / (end - previousEnd) : 0});
            previousEnd = end;
        }
        return points;
    }

    private static String latencySection(Map<String, LogRun> bySystem) {
        LogRun any = bySystem.values().iterator().next();
        StringBuilder s = new StringBuilder("<h3>").append(Format.html(title(any))).append("</h3>\n");
        s.append("<table><tr><th>system</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th>"
                + "<th>delivered</th><th>undelivered</th><th>most a send was behind schedule (ms)</th></tr>\n");
        List<SvgCharts.Series> curves = new ArrayList<>();
        List<SvgCharts.Series> p99s = new ArrayList<>();
        bySystem.forEach((system, r) -> {
            if (r.latency() == null || r.latency().count() == 0) {
                return;
            }
            LogRun.Latency l = r.latency();
            s.append("<tr><td>").append(system).append("</td>");
            for (double v : new double[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max(), l.mean()}) {
                s.append("<td class=n>").append(Format.micros(v)).append("</td>");
            }
            s.append("<td class=n>").append(String.format(Locale.ROOT, "%,d", l.count())).append("</td><td class=n>").append(r.undelivered())
                    .append("</td><td class=n>").append(r.behindScheduleMs() == null ? "" : String.format(Locale.ROOT, "%.1f", r.behindScheduleMs()))
                    .append("</td></tr>\n");
            List<double[]> curve = new ArrayList<>();
            r.percentileCurve().forEach(p -> curve.add(new double[] {Math.log10(100.0 / (100.0 - p.percentile())), p.micros()}));
            curves.add(new SvgCharts.Series(system, COLORS.get(system), curve));
            List<double[]> overTime = new ArrayList<>();
            r.timeline().forEach(p -> {
                if (p.p99Micros() != null) {
                    overTime.add(new double[] {p.second(), p.p99Micros()});
                }
            });
            p99s.add(new SvgCharts.Series(system, COLORS.get(system), overTime));
        });
        s.append("</table>\n").append(notMeasured(bySystem));
        if (curves.isEmpty()) {
            return s.toString();
        }
        List<SvgCharts.Tick> ticks = List.of(new SvgCharts.Tick(0, "0%"), new SvgCharts.Tick(1, "90%"), new SvgCharts.Tick(2, "99%"),
                new SvgCharts.Tick(3, "99.9%"), new SvgCharts.Tick(4, "99.99%"), new SvgCharts.Tick(5, "99.999%"));
        s.append(SvgCharts.lines("Latency distribution (µs, from the intended send time)", curves, SvgCharts.Axis.custom("percentile", ticks),
                SvgCharts.Axis.log("latency", Format::latencyTick)));
        s.append(SvgCharts.lines("p99 latency per second (warm-up included)", p99s,
                SvgCharts.Axis.linear("seconds since the run started", v -> String.format(Locale.ROOT, "%.0f", v)),
                SvgCharts.Axis.log("latency", Format::latencyTick)));
        return s.toString();
    }

    private static String notMeasured(Map<String, LogRun> bySystem) {
        StringBuilder s = new StringBuilder();
        bySystem.forEach((system, r) -> {
            if (r.reason() != null) {
                s.append("<p>").append(system).append(": ").append(r.status()).append(": ").append(Format.html(r.reason())).append("</p>\n");
            }
        });
        return s.toString();
    }
}
