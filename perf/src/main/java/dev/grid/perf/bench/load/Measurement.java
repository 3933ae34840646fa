package dev.grid.perf.bench.load;

import dev.grid.perf.bench.ycsb.Operation;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/**
 * What a run measured (the warm-up excluded).
 *
 * @param loadSeconds     time the load phase took
 * @param measuredSeconds length of the measured period
 * @param byOperation     latencies in nanoseconds per operation type that ran
 * @param all             latencies of every operation
 * @param errors          errors per operation type (in the measured period)
 * @param timeline        one point per interval of about a second, warm-up included
 * @param firstError      the first error seen (warm-up included), or null
 * @param interrupted     whether the run was stopped before its end (Ctrl-C)
 * @param behindSchedule  fixed rate only: whether the threads ended more than a second behind their schedule
 */
public record Measurement(double loadSeconds, double measuredSeconds, Map<Operation, Histogram> byOperation, Histogram all,
                          Map<Operation, Long> errors, List<Progress> timeline, String firstError, boolean interrupted,
                          boolean behindSchedule) {

    /** @return operations completed in the measured period */
    public long operations() {
        return all.getTotalCount();
    }

    /** @return errors in the measured period */
    public long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return operations per second over the measured period */
    public double throughput() {
        return measuredSeconds > 0 ? operations() / measuredSeconds : 0;
    }
}
