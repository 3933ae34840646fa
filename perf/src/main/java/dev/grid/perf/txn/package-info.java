/**
 * Benchmarks of grid-txn: XA transactions per second over GridMap and a real PostgreSQL server coordinated by
 * Narayana ({@link dev.grid.perf.txn.TxnBenchmark}), with the durable settings they ran with. Figures:
 * {@code perf/RESULTS-txn.md}.
 */
package dev.grid.perf.txn;
