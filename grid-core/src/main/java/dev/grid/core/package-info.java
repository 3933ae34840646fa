/**
 * grid's core public API: the {@link dev.grid.core.Grid} facade, obtained embedded
 * ({@link dev.grid.core.Grid#embedded(GridConfig)}) or as a client
 * ({@link dev.grid.core.Grid#client(GridClientConfig)}), its configuration
 * ({@link dev.grid.core.config.GridConfig}, {@link dev.grid.core.config.GridClientConfig}) and the partition view
 * ({@link dev.grid.core.GridPartitions}).
 *
 * <p>Application code written against these types runs unchanged embedded and as a client.
 * Everything that touches Hazelcast internals lives in {@code dev.grid.core.impl}.
 */
package dev.grid.core;
