package dev.grid.perf.bench.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.ycsb.Operation;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run in results.json: its settings, then what was measured, or nulls when nothing was (skipped, failed early). */
sealed interface RunDocument permits RunDocument.Measured, RunDocument.Unmeasured {

    static RunDocument of(RunResult run) {
        Settings settings = Settings.of(run);
        Measurement m = run.measurement();
        return m == null ? new Unmeasured(settings, null, null, null) : Measured.of(settings, m, run.spec().fixedRate());
    }

    /** What was asked for, and how it ended. */
    record Settings(String target, String mode, int members, String workload, int threads, @JsonProperty("target_ops") Double targetOps,
                    String distribution, @JsonProperty("zipfian_constant") double zipfianConstant, long records, int fields,
                    @JsonProperty("field_length") int fieldLength, @JsonProperty("warmup_s") double warmupSeconds,
                    @JsonProperty("duration_s") double durationSeconds, String status, String reason) {

        static Settings of(RunResult run) {
            LoadSpec spec = run.spec();
            return new Settings(run.target(), run.mode(), run.members(), spec.workload().name(), spec.threads(),
                    spec.fixedRate() ? spec.targetOps() : null, spec.distribution().label(), spec.zipfConstant(), spec.records(),
                    spec.fieldCount(), spec.fieldLength(), spec.warmup().toMillis() / 1000.0, spec.duration().toMillis() / 1000.0,
                    run.status().label(), run.reason());
        }
    }

    /** A run that measured nothing: its settings and null figures. */
    record Unmeasured(@JsonUnwrapped Settings settings, @JsonProperty("throughput_ops") Double throughputOps,
                      @JsonProperty("latency_us") Latency latency, Long errors) implements RunDocument {
    }

    /** A run's figures (the warm-up excluded, except in the timeline). */
    record Measured(@JsonUnwrapped Settings settings, @JsonProperty("throughput_ops") double throughputOps, long operations,
                    @JsonProperty("measured_s") double measuredSeconds, @JsonProperty("load_s") double loadSeconds,
                    @JsonProperty("latency_us") Latency latency, long errors, @JsonProperty("first_error") String firstError,
                    @JsonProperty("behind_schedule") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean behindSchedule,
                    @JsonProperty("operations_by_type") Map<String, ByOperation> operationsByType, List<Progress> timeline,
                    @JsonProperty("percentile_curve_us") List<CurvePoint> percentileCurve) implements RunDocument {

        static Measured of(Settings settings, Measurement m, boolean fixedRate) {
            Map<String, ByOperation> byOperation = new LinkedHashMap<>();
            for (Map.Entry<Operation, Histogram> e : m.byOperation().entrySet()) {
                byOperation.put(e.getKey().name(), new ByOperation(e.getValue().getTotalCount(), m.errors().getOrDefault(e.getKey(), 0L),
                        Latency.of(e.getValue())));
            }
            m.errors().forEach((op, count) -> byOperation.putIfAbsent(op.name(), new ByOperation(0, count, null)));
            return new Measured(settings, m.throughput(), m.operations(), m.measuredSeconds(), m.loadSeconds(), Latency.of(m.all()),
                    m.totalErrors(), m.firstError(), fixedRate ? m.behindSchedule() : null, byOperation, m.timeline(), CurvePoint.of(m.all()));
        }
    }

    /** Latency percentiles, the maximum and the mean, in microseconds. */
    record Latency(double p50, double p90, double p99, double p999, double max, double mean) {
        static Latency of(Histogram h) {
            return new Latency(toMicros(h.getValueAtPercentile(50)), toMicros(h.getValueAtPercentile(90)), toMicros(h.getValueAtPercentile(99)),
                    toMicros(h.getValueAtPercentile(99.9)), toMicros(h.getMaxValue()), h.getTotalCount() == 0 ? 0.0 : h.getMean() / 1000.0);
        }
    }

    /** One operation type: how many ran, how many failed, their latency (absent for a type that only failed). */
    record ByOperation(long count, long errors, @JsonProperty("latency_us") @JsonInclude(JsonInclude.Include.NON_NULL) Latency latency) {
    }

    /** A point of the latency percentile curve, written as {@code [percentile, µs]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"percentile", "micros"})
    record CurvePoint(double percentile, double micros) {

        /** @return points from 0 up to {@value Results#CURVE_TOP}, HdrHistogram's percentile iteration */
        static List<CurvePoint> of(Histogram h) {
            List<CurvePoint> points = new ArrayList<>();
            if (h.getTotalCount() == 0) {
                return points;
            }
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p > Results.CURVE_TOP) {
                    break;
                }
                points.add(new CurvePoint(p, toMicros(v.getValueIteratedTo())));
            }
            return points;
        }
    }

    private static double toMicros(long nanos) {
        return nanos / 1000.0;
    }
}
