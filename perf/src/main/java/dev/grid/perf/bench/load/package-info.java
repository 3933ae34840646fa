/**
 * The load generator: a load phase ({@link dev.grid.perf.bench.load.Loader}), then threads running a
 * YCSB workload against a target for a warm-up and a measured period
 * ({@link dev.grid.perf.bench.load.LoadRunner}), either as fast as they can or at a fixed rate whose
 * latencies are measured from each operation's intended start (coordinated omission corrected),
 * into HdrHistograms, with a progress line every second.
 */
package dev.grid.perf.bench.load;
