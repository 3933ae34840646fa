package dev.grid.monitor;

import java.util.List;

/**
 * A transaction in flight somewhere in the cluster, as the transaction monitor built it from the
 * {@code txn.*} events of every member and application JVM.
 *
 * @param txId            the transaction's id
 * @param state           {@code ACTIVE}, {@code PREPARED} (in doubt: prepared, no outcome yet) or {@code TIMED_OUT}
 * @param node            the transaction manager's node identifier
 * @param resources       the resources enlisted
 * @param beganAtMillis   when it began (epoch ms)
 * @param preparedAtMillis when it was prepared (epoch ms; 0 if not yet)
 * @param publisher       the JVM that reported it (a member's address or a client's name)
 * @since 0.1
 */
public record MonitoredTransaction(String txId, String state, String node, List<String> resources, long beganAtMillis,
                                   long preparedAtMillis, String publisher) {

    public MonitoredTransaction {
        resources = List.copyOf(resources);
    }

    /** @return whether it is in doubt: prepared, and neither committed nor rolled back yet */
    public boolean inDoubt() {
        return "PREPARED".equals(state);
    }

    /** @return how long it has been in doubt at {@code nowMillis} (0 if not in doubt) */
    public long inDoubtMillis(long nowMillis) {
        return inDoubt() ? Math.max(0, nowMillis - preparedAtMillis) : 0;
    }
}
