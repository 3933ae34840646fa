/**
 * Export of a GridMap's entries and of a grid-log topic's records to Parquet or CSV files, read through the public
 * {@link dev.grid.core.GridMap} and {@link dev.grid.log.GridLog} APIs from any grid (a client or a member):
 * {@link dev.grid.query.export.GridExport}. What an export promises (each entry once, consistent per partition),
 * its columns and its files: {@code docs/query-export.md}.
 */
package dev.grid.query.export;
