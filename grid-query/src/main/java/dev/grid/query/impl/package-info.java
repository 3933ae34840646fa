/**
 * How grid-query works: the SQL connectors that plug GridMap and grid-log into Hazelcast's SQL engine (its internal
 * {@code SqlConnector} SPI, kept here so a Hazelcast upgrade touches this package only), export writers and the
 * offline engine. Not API.
 */
package dev.grid.query.impl;
