/**
 * Stream processing over grid's data on Hazelcast Jet: {@link dev.grid.stream.GridSources} (the log as a
 * partition-aware, exactly-once stream source; a GridMap as a batch source) and {@link dev.grid.stream.GridSinks}
 * (a GridMap as an idempotent sink), for pipelines submitted to grid members from members or clients. See
 * {@code docs/stream.md} for the guarantees of each combination.
 */
package dev.grid.stream;
