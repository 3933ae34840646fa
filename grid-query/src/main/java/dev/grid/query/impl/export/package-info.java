/**
 * How export works: a DuckDB in-memory database per export, rows appended with DuckDB's Appender into a table that
 * {@code COPY ... TO} writes as a Parquet (zstd) or CSV file per partition (several for a partition with more rows
 * than a file takes), then the manifest, written last. Not API.
 */
package dev.grid.query.impl.export;
