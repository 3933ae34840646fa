package dev.grid.monitor.impl.http;

import dev.grid.monitor.LogEntry;

import java.util.List;

/**
 * {@code GET /api/log}: entries of the cluster's log, newest first.
 *
 * @param size    how many entries the log holds
 * @param entries the entries asked for
 */
record LogDocument(long size, List<LogEntry> entries) {
}
