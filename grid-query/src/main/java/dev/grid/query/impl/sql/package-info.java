/**
 * SQL over GridMap and grid-log: the {@code GridMap} and {@code GridLog} connectors that plug grid's structures into
 * Hazelcast's SQL engine through its internal {@code SqlConnector} SPI (registered in
 * {@code META-INF/services/com.hazelcast.sql.Connectors}). Every use of that SPI and of the engine's other internals
 * stays in this package, so a Hazelcast upgrade touches this package only. Mappings, formats and what is pushed down:
 * {@code docs/query.md}. Not API.
 */
package dev.grid.query.impl.sql;
