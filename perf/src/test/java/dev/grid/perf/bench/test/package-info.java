/** Test helpers of the harness: golden files of its JSON output, a fixed machine description. */
package dev.grid.perf.bench.test;
