/**
 * The query module's command line: {@code grid export map|topic} (a client of the cluster {@code --config} describes,
 * writing Parquet or CSV files through {@link dev.grid.query.export.GridExport}) and {@code grid sql --offline DIR}
 * (SQL over exported files through {@link dev.grid.query.offline.OfflineSql}, no cluster needed).
 */
package dev.grid.server.impl.query;
