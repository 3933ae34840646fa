/**
 * grid-stream's implementation: the Jet processors behind {@link dev.grid.stream.GridSources} and
 * {@link dev.grid.stream.GridSinks}. They reach the log through grid-log's SPI ({@link dev.grid.log.spi.MemberLog})
 * and GridMaps through grid-core's ({@link dev.grid.core.spi.MemberMaps}), on the member they run on.
 */
package dev.grid.stream.impl;
