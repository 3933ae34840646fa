package dev.grid.perf.bench.report;

import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.load.Progress;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG). Per group of comparable runs
 * (same workload, threads and rate): bars of throughput and p99, throughput over time, and latency
 * percentile curves with a log axis of percentiles (as HdrHistogram plots them).
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(Results results) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>grid bench report</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}")
                .append("td.n{text-align:right}th{background:#f3f3f3}h2{margin-top:36px;border-bottom:1px solid #ccc}")
                .append("code{background:#f5f5f5;padding:1px 4px}svg{display:block;margin:10px 0}\n</style></head><body>\n");
        html.append("<h1>grid bench report</h1>\n");
        html.append("<p>Started ").append(escape(results.started())).append(". Command: <code>").append(escape(results.command()))
                .append("</code></p>\n");
        html.append("<table>");
        BenchJson.fields(results.machine()).forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>"));
        html.append("</table>\n");
        if (!results.runs().isEmpty() || results.htmlSections().isEmpty()) {
            html.append("<h2>All runs</h2>\n").append(summary(results.runs()));
        }
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult run : results.runs()) {
            groups.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(run);
        }
        Map<String, String> colors = new LinkedHashMap<>();
        for (RunResult run : results.runs()) {
            colors.putIfAbsent(run.seriesName(), SvgCharts.PALETTE[colors.size() % SvgCharts.PALETTE.length]);
        }
        groups.forEach((group, runs) -> html.append(section(group, runs, colors)));
        results.htmlSections().forEach(html::append);
        for (String[] text : results.textSections()) {
            html.append("<h2>").append(escape(text[0])).append("</h2>\n<pre>").append(escape(text[1])).append("</pre>\n");
        }
        html.append("<p>Latencies in microseconds. Fixed-rate runs measure each operation from its intended start time ")
                .append("(coordinated omission corrected). Runs on a shared machine are only comparable within one run.</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static String summary(List<RunResult> runs) {
        StringBuilder t = new StringBuilder("<table><tr><th>target</th><th>mode</th><th>members</th><th>workload</th><th>threads</th>"
                + "<th>rate</th><th>ops/s</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>errors</th>"
                + "<th>status</th></tr>\n");
        for (RunResult run : runs) {
            Measurement m = run.measurement();
            t.append("<tr><td>").append(escape(run.target())).append("</td><td>").append(escape(run.mode())).append("</td><td class=n>")
                    .append(run.members()).append("</td><td>").append(run.spec().workload().name()).append("</td><td class=n>")
                    .append(run.spec().threads()).append("</td><td class=n>")
                    .append(run.spec().fixedRate() ? Format.ops(run.spec().targetOps()) : "max").append("</td>");
            if (m == null) {
                t.append("<td colspan=7></td>");
            } else {
                Histogram h = m.all();
                t.append("<td class=n>").append(Format.ops(m.throughput())).append("</td>");
                for (double p : new double[] {50, 90, 99, 99.9}) {
                    t.append("<td class=n>").append(Format.micros(h.getValueAtPercentile(p) / 1000.0)).append("</td>");
                }
                t.append("<td class=n>").append(Format.micros(h.getMaxValue() / 1000.0)).append("</td><td class=n>")
                        .append(m.totalErrors()).append("</td>");
            }
            t.append("<td>").append(escape(run.status().label() + (run.reason() != null ? ": " + run.reason() : ""))).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String section(String group, List<RunResult> runs, Map<String, String> colors) {
        StringBuilder s = new StringBuilder("<h2>").append(escape(group)).append("</h2>\n");
        List<RunResult> measured = runs.stream().filter(r -> r.measurement() != null && r.measurement().operations() > 0).toList();
        if (measured.isEmpty()) {
            return s.append("<p>Nothing measured.</p>\n").toString();
        }
        List<SvgCharts.Bar> throughput = new ArrayList<>();
        List<SvgCharts.Bar> p99 = new ArrayList<>();
        List<SvgCharts.Series> overTime = new ArrayList<>();
        List<SvgCharts.Series> curves = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            RunResult run = measured.get(i);
            Measurement m = run.measurement();
            String color = colors.get(run.seriesName());
            throughput.add(new SvgCharts.Bar(run.seriesName(), m.throughput(), Format.ops(m.throughput()) + " ops/s", color));
            double p99us = m.all().getValueAtPercentile(99) / 1000.0;
            p99.add(new SvgCharts.Bar(run.seriesName(), p99us, Format.micros(p99us) + " µs", color));
            List<double[]> points = new ArrayList<>();
            for (Progress p : m.timeline()) {
                points.add(new double[] {p.second(), p.opsPerSecond()});
            }
            overTime.add(new SvgCharts.Series(run.seriesName(), color, points));
            List<double[]> curve = new ArrayList<>();
            for (RunDocument.CurvePoint point : RunDocument.CurvePoint.of(m.all())) {
                curve.add(new double[] {Math.log10(100.0 / (100.0 - point.percentile())), point.micros()});
            }
            curves.add(new SvgCharts.Series(run.seriesName(), color, curve));
        }
        s.append(SvgCharts.bars("Throughput (ops/s, higher is better)", throughput));
        s.append(SvgCharts.bars("p99 latency (µs, lower is better)", p99));
        double fastest = throughput.stream().mapToDouble(SvgCharts.Bar::value).max().orElse(1);
        double slowest = throughput.stream().mapToDouble(SvgCharts.Bar::value).filter(v -> v > 0).min().orElse(1);
        boolean spread = fastest / slowest > 20; // e.g. chm next to grid: a linear axis would flatten the others
        s.append(SvgCharts.lines("Throughput over time (warm-up included)" + (spread ? ", log scale" : ""), overTime,
                SvgCharts.Axis.linear("seconds since the run phase started",
                        v -> v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v)),
                spread ? SvgCharts.Axis.log("ops/s", Format::count) : SvgCharts.Axis.linear("ops/s", Format::count)));
        List<SvgCharts.Tick> ticks = List.of(new SvgCharts.Tick(0, "0%"), new SvgCharts.Tick(1, "90%"), new SvgCharts.Tick(2, "99%"),
                new SvgCharts.Tick(3, "99.9%"), new SvgCharts.Tick(4, "99.99%"), new SvgCharts.Tick(5, "99.999%"));
        s.append(SvgCharts.lines("Latency by percentile", curves, SvgCharts.Axis.custom("percentile", ticks),
                SvgCharts.Axis.log("latency", Format::latencyTick)));
        return s.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
