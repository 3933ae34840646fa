/**
 * grid's performance harness: JMH benchmarks that measure GridMap against Hazelcast's IMap, a
 * {@code ConcurrentHashMap} and a raw Chronicle Map side by side, in one run
 * ({@link dev.grid.perf.LocalGetBenchmark}, {@link dev.grid.perf.LocalPutBenchmark},
 * {@link dev.grid.perf.ReplicatedSetBenchmark}), and what GridMap's growing stores cost
 * ({@link dev.grid.perf.GrowthPauseBenchmark}, {@link dev.grid.perf.GrownGetBenchmark}: grown vs
 * sized for the peak), built as one runnable jar whose main class,
 * {@link dev.grid.perf.BenchmarkMain}, gives every forked JVM the flags grid needs. The maps are the load
 * harness's targets ({@link dev.grid.perf.bench.targets.BenchTarget}), plus the raw Chronicle Map of the
 * benchmarks' own. How to run them: {@code perf/README.md}; figures: {@code perf/RESULTS.md}. The load harness
 * ({@code grid bench}) is {@link dev.grid.perf.bench.BenchMain}.
 */
package dev.grid.perf;
