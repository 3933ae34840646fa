/**
 * How export works: a DuckDB in-memory database per export, rows appended with DuckDB's Appender into a table that
 * {@code COPY ... TO} writes as a Parquet (zstd) or CSV file each time it holds the rows a file takes (consecutive
 * partitions share a file; a large partition spans several), then the manifest, written last. Not API.
 */
package dev.grid.query.impl.export;
