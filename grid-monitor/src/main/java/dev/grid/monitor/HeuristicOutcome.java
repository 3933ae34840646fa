package dev.grid.monitor;

import java.util.List;

/**
 * A heuristic outcome reported by a transaction manager ({@code txn.heuristic}): some resources
 * committed and others rolled back, or a resource decided on its own. Kept cluster-wide for
 * {@code grid.monitor.resolvedAlertRetention}, highlighted on the dashboard, and alerted on.
 *
 * @param txId       the transaction's id
 * @param outcome    the outcome reported (e.g. {@code HEURISTIC_MIXED}), or the event's message
 * @param node       the transaction manager's node identifier
 * @param resources  the resources involved
 * @param atMillis   when it was reported (epoch ms)
 * @param publisher  the JVM that reported it
 * @since 0.1
 */
public record HeuristicOutcome(String txId, String outcome, String node, List<String> resources, long atMillis, String publisher) {

    public HeuristicOutcome {
        resources = List.copyOf(resources);
    }
}
