/**
 * How a long {@code grid bench} run learns it should stop early (Ctrl-C, SIGTERM, or a caller's own
 * signal): the one class every bench command, the lock bench included, polls between steps.
 */
package dev.grid.perf.bench.signal;
