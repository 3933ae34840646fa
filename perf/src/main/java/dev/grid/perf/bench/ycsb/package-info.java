/**
 * The YCSB core workloads (A to F) and the key generators they use, written after YCSB's own
 * ({@code site.ycsb.generator}): {@link dev.grid.perf.bench.ycsb.ZipfianGenerator},
 * {@link dev.grid.perf.bench.ycsb.ScrambledZipfianGenerator} (hot keys scattered over the keyspace),
 * {@link dev.grid.perf.bench.ycsb.SkewedLatestGenerator} (recently inserted keys are hottest) over an
 * {@link dev.grid.perf.bench.ycsb.AcknowledgedCounter} of inserted keys.
 */
package dev.grid.perf.bench.ycsb;
