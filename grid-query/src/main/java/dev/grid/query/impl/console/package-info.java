/**
 * grid-query's {@link dev.grid.core.spi.SqlConsole}: the monitor's dashboard runs SQL, lists running queries and
 * cancels them through it, without depending on grid-query.
 */
package dev.grid.query.impl.console;
