/**
 * The standalone grid member and the {@code grid} command line ({@link dev.grid.server.GridCommand}):
 * {@code grid start}, {@code grid demo}, {@code grid partitions}. The commands themselves live in
 * {@code dev.grid.server.impl}.
 */
package dev.grid.server;
