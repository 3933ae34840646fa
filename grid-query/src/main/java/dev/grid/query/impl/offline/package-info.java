/**
 * How offline SQL works: a DuckDB in-memory database with one view per export over the data files its manifest lists
 * ({@code read_parquet} or {@code read_csv} with the manifest's column types). Not API.
 */
package dev.grid.query.impl.offline;
