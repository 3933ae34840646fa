package dev.grid.perf.bench.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.perf.bench.log.LogRun;

import java.util.List;

/**
 * One measured (or failed) run of {@code grid bench stream}, as results.json's {@code stream.runs} holds it.
 *
 * @param system                {@code grid} or {@code imap-journal}
 * @param scenario              {@code throughput} (events appended as fast as taken, timed until the sink shows every window) or
 *                              {@code latency} (events at a fixed rate)
 * @param status                {@code ok}, {@code failed} (an error, a wrong sum: see reason), {@code interrupted}
 * @param reason                why not ok, else null
 * @param events                events appended (and acknowledged)
 * @param windows               window results (product and window) the sink had to show, each checked
 * @param seconds               throughput: from the first append to the last window result seen; latency: the measured time
 * @param eventsPerSecond       throughput: events / seconds; latency: events appended per second while measuring
 * @param rate                  latency: events/s offered; throughput: events/s appended (as fast as the system took them)
 * @param loadSeconds           throughput: time to append every event (acknowledged); else null
 * @param behindScheduleMs      latency: the most an append was late against the schedule while measuring (latencies
 *                              count from the due time, so they include it)
 * @param windowLatency         latency: per window result, from the window's end to the poll that saw it in the sink
 * @param eventLatency          latency: per event, from its due append time to the poll that saw its window's result
 * @param timeline              about one point per second
 * @param windowPercentileCurve the window latency distribution
 * @param eventPercentileCurve  the event latency distribution
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StreamRun(String system, String scenario, String status, String reason, long events, long windows, double seconds,
                 @JsonProperty("events_per_s") double eventsPerSecond, @JsonProperty("rate_per_s") Double rate,
                 @JsonProperty("append_s") Double loadSeconds, @JsonProperty("behind_schedule_ms") Double behindScheduleMs,
                 @JsonProperty("window_latency_us") LogRun.Latency windowLatency,
                 @JsonProperty("event_latency_us") LogRun.Latency eventLatency, List<Point> timeline,
                 @JsonProperty("window_percentile_curve_us") List<LogRun.CurvePoint> windowPercentileCurve,
                 @JsonProperty("event_percentile_curve_us") List<LogRun.CurvePoint> eventPercentileCurve) {
    static final String THROUGHPUT = "throughput";
    static final String LATENCY = "latency";
    static final String OK = "ok";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /** A run that measured nothing. */
    static StreamRun unmeasured(StreamSystem system, String scenario, String status, String reason) {
        return new StreamRun(system.label(), scenario, status, reason, 0, 0, 0, 0, null, null, null, null, null, List.of(), null, null);
    }

    boolean ok() {
        return status.equals(OK);
    }

    /** @return the same run, failed for that reason (a wrong sum found after it measured) */
    StreamRun failed(String why) {
        return new StreamRun(system, scenario, FAILED, reason == null ? why : reason + "; " + why, events, windows, seconds, eventsPerSecond,
                rate, loadSeconds, behindScheduleMs, windowLatency, eventLatency, timeline, windowPercentileCurve, eventPercentileCurve);
    }

    /**
     * About one second of a run.
     *
     * @param second          seconds since the job was seen running (throughput) or the first append (latency)
     * @param appendedPerSecond latency: events appended in the interval, per second
     * @param resultsPerSecond events whose window result became visible in the interval, per second
     * @param p99Micros       latency: the interval's p99 window latency (null when no window was seen)
     * @param warmup          latency: the interval is part of the warm-up
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(@JsonProperty("t") double second, @JsonProperty("appended_per_s") Double appendedPerSecond,
                 @JsonProperty("results_events_per_s") double resultsPerSecond, @JsonProperty("p99_us") Double p99Micros, Boolean warmup) {
    }
}
