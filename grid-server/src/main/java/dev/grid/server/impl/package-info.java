/**
 * The {@code grid} command line: {@link dev.grid.server.impl.GridCommand} (its entry point, {@code main}) and its
 * commands ({@code start}, {@code stat}, {@code demo}, {@code partitions}, {@code chaos}, {@code completion}; the log's
 * {@code topic}, {@code produce} and {@code consume} are in {@code dev.grid.server.impl.log}),
 * one picocli command class each, and what they share: the
 * {@code --config} option and the partition distribution report. Picocli settings shared with {@code grid bench}
 * are in {@code dev.grid.server.cli}.
 */
package dev.grid.server.impl;
