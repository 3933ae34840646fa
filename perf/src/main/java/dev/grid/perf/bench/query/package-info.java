/**
 * {@code grid bench query}: GridMap's queries against IMap's on the same cluster, the same data and the same indexes
 * (a hash index on {@code category}, a sorted one on {@code price}), from a client: indexed equality and range queries,
 * full-scan aggregates through each map's API and through Hazelcast SQL, GridMap's export to Parquet, and the same
 * GROUP BY offline in DuckDB over the export. Every answer is checked against the data the harness generated
 * ({@code OrderData}); a wrong answer fails its run loudly.
 */
package dev.grid.perf.bench.query;
