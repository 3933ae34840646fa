/**
 * Offline SQL over exported files: {@link dev.grid.query.offline.OfflineSql} opens a directory written by
 * {@link dev.grid.query.export.GridExport} (or a directory of such directories) in DuckDB, with one view per exported
 * map or topic, named after it. No cluster is needed. See {@code docs/query-export.md}.
 */
package dev.grid.query.offline;
