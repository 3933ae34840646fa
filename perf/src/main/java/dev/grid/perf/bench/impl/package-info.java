/**
 * The harness's one JSON configuration ({@link dev.grid.perf.bench.impl.BenchJson}, on Jackson): how
 * {@code results.json} and {@code lock.json} are written (indented, doubles in full) and read back.
 */
package dev.grid.perf.bench.impl;
