/**
 * {@code grid bench}: the load harness's command line ({@link dev.grid.perf.bench.BenchMain}) and its
 * subcommands: {@code run} (YCSB workloads against several targets side by side), {@code jmh} (the
 * JMH benchmarks, grouped by intent), {@code lock} (FencedLock pairs/s, grid against Hazelcast
 * 5.4's CP FencedLock), {@code log} (grid-log against Kafka 4.4.0 and Redis Streams), {@code heap} (the heap
 * scenario), {@code txn} and {@code all}.
 */
package dev.grid.perf.bench;
