/**
 * grid-query's API: SQL over GridMap and grid-log topics on the live cluster (through Hazelcast's SQL engine and grid's
 * connectors), export of maps and topics to files, and offline SQL over exported files. Model, formats and limits:
 * {@code docs/query.md}.
 */
package dev.grid.query;
