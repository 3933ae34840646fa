/**
 * The commands of the {@code grid} command line, one class each, and what they share: argument
 * parsing and the partition distribution report.
 */
package dev.grid.server.impl;
