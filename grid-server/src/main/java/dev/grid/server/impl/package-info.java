/**
 * The commands of the {@code grid} command line, one picocli command class each, and what they share: the
 * {@code --config} option and the partition distribution report. Picocli settings shared with {@code grid bench}
 * are in {@code dev.grid.server.cli}.
 */
package dev.grid.server.impl;
