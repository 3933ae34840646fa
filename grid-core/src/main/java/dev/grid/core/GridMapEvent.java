package dev.grid.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events GridMap publishes on a member's event bus ({@link Grid#events()}), one record per kind (see
 * {@link GridEvent} for why records).
 *
 * @since 0.1
 */
public sealed interface GridMapEvent extends GridEvent permits GridMapEvent.TxnLockLeaseEnded {

    /** @return the map the event is about */
    String map();

    /**
     * A transaction's lock on a key outlived its lease (the transaction's timeout, on the owner's
     * {@link GridClock}) and a plain write or another transaction took the key: the first transaction can no
     * longer count on the key (its commit of the key fails if another transaction holds it). Published on the
     * key's owner, at the moment the key is taken. WARN.
     *
     * @param timeMillis         when the key was taken
     * @param map                the map
     * @param partition          the key's partition (keys are not published)
     * @param transaction        the transaction whose lease ended
     * @param leaseEndedAtMillis when its lease ended
     * @param nextTransaction    the transaction that took the key, or null when a plain write took it
     */
    record TxnLockLeaseEnded(long timeMillis, String map, int partition, UUID transaction, long leaseEndedAtMillis,
                             UUID nextTransaction) implements GridMapEvent {
        /** The kind's name. */
        public static final String TYPE = "map.txn-lock-lease-ended";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Severity severity() {
            return Severity.WARN;
        }

        /** @return whether a plain write (not a transaction) took the key */
        public boolean takenByPlainWrite() {
            return nextTransaction == null;
        }

        @Override
        public String message() {
            return "GridMap '" + map + "': the lease of transaction " + transaction + "'s lock on a key in partition " + partition
                    + " ended " + (timeMillis - leaseEndedAtMillis) + " ms ago, and "
                    + (takenByPlainWrite() ? "a plain write" : "transaction " + nextTransaction) + " took the key";
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("map", map);
            attributes.put("partition", Integer.toString(partition));
            attributes.put("transaction", String.valueOf(transaction));
            attributes.put("leaseEndedAt", Long.toString(leaseEndedAtMillis));
            attributes.put("takenBy", takenByPlainWrite() ? "plain-write" : String.valueOf(nextTransaction));
            return attributes;
        }
    }
}
