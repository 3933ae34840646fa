package dev.grid.perf.bench.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.log.LogRun;

import java.util.List;

/**
 * One measured (or failed) run of {@code grid bench query}: one operation on one system, as results.json's
 * {@code query.runs} holds it.
 *
 * @param operation       {@code equality}, {@code range}, {@code sum-api}, {@code sum-sql}, {@code group-by-sql},
 *                        {@code export}, {@code group-by-offline}
 * @param system          {@code gridmap}, {@code imap}, {@code duckdb}
 * @param status          {@code ok}, {@code failed} (an error, or results that differ from the data: see reason),
 *                        {@code interrupted}
 * @param reason          why not ok, else null
 * @param warmupCalls     calls made while warming up
 * @param calls           calls measured, each one's answer checked
 * @param seconds         time spent in the measured calls (the checks between them are not counted)
 * @param opsPerSecond    calls / seconds
 * @param rowsPerSecond   export: rows written per second; else null
 * @param latency         each measured call's time
 * @param timeline        about one point per second from the start of the warm-up: calls/s, p99 so far of its phase
 * @param percentileCurve the latency distribution
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QueryRun(String operation, String system, String status, String reason, @JsonProperty("warmup_calls") long warmupCalls, long calls,
                double seconds, @JsonProperty("ops_per_s") double opsPerSecond, @JsonProperty("rows_per_s") Double rowsPerSecond,
                @JsonProperty("latency_us") LogRun.Latency latency, List<Progress> timeline,
                @JsonProperty("percentile_curve_us") List<LogRun.CurvePoint> percentileCurve) {
    static final String OK = "ok";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /** A run that measured nothing. */
    static QueryRun unmeasured(QueryOperation operation, String system, String status, String reason) {
        return new QueryRun(operation.label(), system, status, reason, 0, 0, 0, 0, null, null, List.of(), List.of());
    }

    boolean ok() {
        return status.equals(OK);
    }
}
