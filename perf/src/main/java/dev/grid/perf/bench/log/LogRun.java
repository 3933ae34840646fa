package dev.grid.perf.bench.log;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured (or skipped, or failed) run of {@code grid bench log}, as results.json's {@code log.runs} holds it.
 *
 * @param system            {@code grid}, {@code kafka}, {@code redis}
 * @param topology          {@code replicated} or {@code single}
 * @param scenario          {@code produce} (acknowledged records/s), {@code consume} (records/s reading one partition from
 *                          its first record) or {@code latency} (append to delivery at a fixed rate)
 * @param partitions        partitions of the topic
 * @param rate              records/s offered (latency runs), else null
 * @param status            {@code ok}, {@code skipped}, {@code failed}, {@code interrupted}
 * @param reason            why not ok, or a note (a run cut by its time limit); null otherwise
 * @param records           records acknowledged (produce), read (consume), delivered while measuring (latency)
 * @param seconds           time those took (produce: first send to last acknowledgement)
 * @param recordsPerSecond  records / seconds
 * @param errors            records whose send failed
 * @param firstError        the first failure, or null
 * @param latency           latency runs: from each record's intended send time to its delivery to the consumer
 * @param undelivered       latency runs: acknowledged records the consumer had not received 10 s after the last send
 * @param behindScheduleMs  latency runs: the most a send was late against the schedule while measuring (the client held
 *                          the producer up; the latencies include it: they are measured from the intended time)
 * @param timeline          per interval: records/s (and, for latency runs, the interval's p99)
 * @param percentileCurve   latency runs: {@code [percentile, µs]} points of the distribution
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogRun(String system, String topology, String scenario, int partitions, @JsonProperty("rate_per_s") Double rate,
                     String status, String reason, long records, double seconds, @JsonProperty("records_per_s") double recordsPerSecond,
                     long errors, @JsonProperty("first_error") String firstError, @JsonProperty("latency_us") Latency latency,
                     Long undelivered, @JsonProperty("behind_schedule_ms") Double behindScheduleMs, List<Point> timeline,
                     @JsonProperty("percentile_curve_us") List<CurvePoint> percentileCurve) {

    static final String OK = "ok";
    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /** @return a run that measured nothing */
    static LogRun unmeasured(LogSystem system, Topology topology, String scenario, int partitions, Double rate, String status, String reason) {
        return new LogRun(system.label(), topology.label(), scenario, partitions, rate, status, reason, 0, 0, 0, 0, null, null, null, null,
                List.of(), null);
    }

    boolean ok() {
        return status.equals(OK);
    }

    /** @return what is compared across systems: topology, scenario, partitions or rate */
    String group() {
        return topology + " " + scenario + " " + (rate != null ? String.format(java.util.Locale.ROOT, "%.0f/s", rate) : partitions + "p");
    }

    /** Latency percentiles, the maximum and the mean, in microseconds; and how many records they cover. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean, long count) {
        /** @return the percentiles of a histogram of nanoseconds, in µs */
        public static Latency of(Histogram h) {
            return new Latency(micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)), micros(h.getValueAtPercentile(99)),
                    micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()), h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0,
                    h.getTotalCount());
        }
    }

    /**
     * One interval of a run.
     *
     * @param second           seconds since the run started, at the interval's end
     * @param recordsPerSecond records acknowledged (produce), read (consume) or delivered (latency) in the interval, per second
     * @param p99Micros        latency runs: the interval's 99th percentile (null when nothing was delivered or not a latency run)
     * @param warmup           latency runs: the interval is part of the warm-up
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(@JsonProperty("t") double second, @JsonProperty("records_per_s") double recordsPerSecond,
                        @JsonProperty("p99_us") Double p99Micros, Boolean warmup) {
    }

    /** A point of the latency percentile curve, written as {@code [percentile, µs]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"percentile", "micros"})
    public record CurvePoint(double percentile, double micros) {
        /** Percentile curves stop here (the log axis cannot show 100%; the max is reported separately). */
        static final double TOP = 99.999;

        /** @return the distribution of a histogram of nanoseconds, in µs, up to the 99.999th percentile */
        public static List<CurvePoint> of(Histogram h) {
            List<CurvePoint> points = new ArrayList<>();
            if (h.getTotalCount() == 0) {
                return points;
            }
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p > TOP) {
                    break;
                }
                points.add(new CurvePoint(p, LogRun.micros(v.getValueIteratedTo())));
            }
            return points;
        }
    }

    static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
