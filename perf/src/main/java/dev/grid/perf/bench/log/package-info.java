/**
 * {@code grid bench log}: grid-log against Apache Kafka 4.4.0 (KRaft brokers in child JVMs, {@link
 * dev.grid.perf.bench.log.KafkaCluster}) and Redis Streams, side by side in one run: produce throughput, consume
 * throughput and end-to-end latency at fixed rates, each system behind one small interface ({@code LogTarget}) so the
 * same measuring code ({@code LogRuns}) runs against all three.
 */
package dev.grid.perf.bench.log;
