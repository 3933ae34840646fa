package dev.grid.perf.bench.report;

import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.ycsb.Operation;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole {@code grid bench run}: the machine, the command, and every run's result; written as
 * {@code results.json}, {@code report.html} and the terminal table.
 */
public final class Results {
    /** Percentile curves stop here (the log axis cannot show 100%; the max is reported separately). */
    static final double CURVE_TOP = 99.999;

    private final Map<String, Object> machine;
    private final String command;
    private final String started;
    private final List<RunResult> runs = new ArrayList<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private final List<String[]> textSections = new ArrayList<>();

    /**
     * @param command the command line that produced these results
     * @param started when the run started (ISO-8601)
     */
    public Results(String command, String started) {
        this(command, started, MachineInfo.describe());
    }

    /** With the machine described by the caller (tests: fixed values). */
    Results(String command, String started, Map<String, Object> machine) {
        this.machine = machine;
        this.command = command;
        this.started = started;
    }

    /** Adds a finished (or skipped) run. */
    public synchronized void add(RunResult run) {
        runs.add(run);
    }

    /**
     * Adds another command's results (lock, heap) to results.json under {@code key}, and to the report
     * as a section of preformatted text.
     */
    public synchronized void addExtra(String key, Object json, String title, String text) {
        extras.put(key, json);
        textSections.add(new String[] {title, text});
    }

    synchronized List<String[]> textSections() {
        return List.copyOf(textSections);
    }

    /** @return the runs so far */
    public synchronized List<RunResult> runs() {
        return List.copyOf(runs);
    }

    Map<String, Object> machine() {
        return machine;
    }

    String command() {
        return command;
    }

    String started() {
        return started;
    }

    /**
     * Writes {@code results.json} and {@code report.html} into the directory.
     *
     * @return the two files
     */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("results.json");
        Files.writeString(json, Json.write(toJson()));
        Path html = directory.resolve("report.html");
        Files.writeString(html, HtmlReport.render(this));
        return List.of(json, html);
    }

    /** @return the JSON text of maps, lists, strings, numbers and booleans (for other commands' result files) */
    public static String json(Object value) {
        return Json.write(value);
    }

    /** @return the results.json structure */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("command", command);
        root.put("started", started);
        List<Object> list = new ArrayList<>();
        for (RunResult run : runs()) {
            list.add(runJson(run));
        }
        root.put("runs", list);
        synchronized (this) {
            root.putAll(extras);
        }
        return root;
    }

    private static Map<String, Object> runJson(RunResult run) {
        LoadSpec spec = run.spec();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", run.target());
        json.put("mode", run.mode());
        json.put("members", run.members());
        json.put("workload", spec.workload().name());
        json.put("threads", spec.threads());
        json.put("target_ops", spec.fixedRate() ? spec.targetOps() : null);
        json.put("distribution", spec.distribution().label());
        json.put("zipfian_constant", spec.zipfConstant());
        json.put("records", spec.records());
        json.put("fields", spec.fieldCount());
        json.put("field_length", spec.fieldLength());
        json.put("warmup_s", spec.warmup().toMillis() / 1000.0);
        json.put("duration_s", spec.duration().toMillis() / 1000.0);
        json.put("status", run.status().label());
        json.put("reason", run.reason());
        Measurement m = run.measurement();
        if (m == null) {
            json.put("throughput_ops", null);
            json.put("latency_us", null);
            json.put("errors", null);
            return json;
        }
        json.put("throughput_ops", m.throughput());
        json.put("operations", m.operations());
        json.put("measured_s", m.measuredSeconds());
        json.put("load_s", m.loadSeconds());
        json.put("latency_us", latency(m.all()));
        json.put("errors", m.totalErrors());
        json.put("first_error", m.firstError());
        if (spec.fixedRate()) {
            json.put("behind_schedule", m.behindSchedule());
        }
        Map<String, Object> byOperation = new LinkedHashMap<>();
        for (Map.Entry<Operation, Histogram> e : m.byOperation().entrySet()) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("count", e.getValue().getTotalCount());
            op.put("errors", m.errors().getOrDefault(e.getKey(), 0L));
            op.put("latency_us", latency(e.getValue()));
            byOperation.put(e.getKey().name(), op);
        }
        m.errors().forEach((op, count) -> {
            if (!byOperation.containsKey(op.name())) {
                byOperation.put(op.name(), Map.of("count", 0L, "errors", count));
            }
        });
        json.put("operations_by_type", byOperation);
        List<Object> timeline = new ArrayList<>();
        for (Progress p : m.timeline()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t", p.second());
            point.put("warmup", p.warmup());
            point.put("ops_per_s", p.opsPerSecond());
            point.put("p99_us", p.p99Micros());
            point.put("errors", p.errors());
            timeline.add(point);
        }
        json.put("timeline", timeline);
        json.put("percentile_curve_us", curve(m.all()));
        return json;
    }

    /** @return p50, p90, p99, p99.9, max and mean, in microseconds */
    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", micros(h.getValueAtPercentile(50)));
        latency.put("p90", micros(h.getValueAtPercentile(90)));
        latency.put("p99", micros(h.getValueAtPercentile(99)));
        latency.put("p999", micros(h.getValueAtPercentile(99.9)));
        latency.put("max", micros(h.getMaxValue()));
        latency.put("mean", h.getTotalCount() == 0 ? 0.0 : h.getMean() / 1000.0);
        return latency;
    }

    /** @return [percentile, latency µs] pairs from 0 up to {@value #CURVE_TOP}, HdrHistogram's percentile iteration */
    static List<Object> curve(Histogram h) {
        List<Object> points = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p > CURVE_TOP) {
                break;
            }
            points.add(List.of(p, micros(v.getValueIteratedTo())));
        }
        return points;
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
