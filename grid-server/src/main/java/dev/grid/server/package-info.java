/**
 * The standalone grid member and the {@code grid} command line ({@link dev.grid.server.GridCommand}):
 * {@code grid start}, {@code stat}, {@code demo}, {@code partitions}, {@code chaos}, {@code completion}. The
 * commands themselves live in {@code dev.grid.server.impl}, what the command lines share in {@code dev.grid.server.cli}.
 */
package dev.grid.server;
