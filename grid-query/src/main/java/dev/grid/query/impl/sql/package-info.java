/**
 * SQL over GridMap: the {@code GridMap} connector that plugs GridMap into Hazelcast's SQL engine through its internal
 * {@code SqlConnector} SPI (registered in {@code META-INF/services/com.hazelcast.sql.Connectors}). Every use of that SPI
 * and of the engine's other internals stays in this package, so a Hazelcast upgrade touches this package only.
 * Mappings, formats and what is pushed down: {@code docs/query.md}. Not API.
 */
package dev.grid.query.impl.sql;
