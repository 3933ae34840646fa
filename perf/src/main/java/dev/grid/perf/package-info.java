/**
 * grid's performance harness: JMH benchmarks and a YCSB-style load generator that measure
 * grid against Hazelcast IMap and others side by side, in one run.
 */
package dev.grid.perf;
