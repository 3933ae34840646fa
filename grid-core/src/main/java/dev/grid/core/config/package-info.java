/**
 * grid's configuration: {@link dev.grid.core.config.GridConfig} for a member (and every module's section of it:
 * maps, CP group, monitor, network, security, JVM), {@link dev.grid.core.config.GridClientConfig} for a client,
 * the YAML file they are read from, the duration syntax ({@link dev.grid.core.config.DurationText}), the rule of
 * structure names ({@link dev.grid.core.config.StructureNames}) and the clock a member decides time by
 * ({@link dev.grid.core.config.GridClock}).
 *
 * <p>The bottom layer of grid-core: it depends on no other grid package, so the API ({@code dev.grid.core}),
 * the SPI ({@code dev.grid.core.spi}) and every module can use it. Every check throws
 * {@link dev.grid.core.config.GridConfigException} naming the key and the value.
 */
package dev.grid.core.config;
