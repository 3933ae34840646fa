package dev.grid.monitor.impl.http;

import java.util.List;

/**
 * {@code GET /api}: where the member's monitor serves what.
 *
 * @param cluster   the cluster's name
 * @param member    this member's address
 * @param endpoints the JSON endpoints
 * @param metrics   the Prometheus endpoint
 * @param dashboard the dashboard's path
 */
record IndexDocument(String cluster, String member, List<String> endpoints, String metrics, String dashboard) {
}
