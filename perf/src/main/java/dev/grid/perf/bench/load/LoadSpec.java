package dev.grid.perf.bench.load;

import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;

import java.time.Duration;

/**
 * One workload run's settings.
 *
 * @param workload     the YCSB workload
 * @param distribution how keys are drawn (the workload's own unless overridden)
 * @param zipfConstant the Zipfian constant (YCSB: 0.99)
 * @param records      records loaded before the run
 * @param fieldCount   fields per record
 * @param fieldLength  bytes per field
 * @param threads      benchmark threads
 * @param warmup       run time before measuring starts
 * @param duration     measured run time
 * @param targetOps    total operations per second across threads; 0 runs as fast as possible
 * @param seed         random seed (records and keys)
 */
public record LoadSpec(Workload workload, Distribution distribution, double zipfConstant, long records, int fieldCount,
                       int fieldLength, int threads, Duration warmup, Duration duration, double targetOps, long seed) {

    /** @return whether the run is paced at {@link #targetOps()} (else as fast as possible) */
    public boolean fixedRate() {
        return targetOps > 0;
    }
}
