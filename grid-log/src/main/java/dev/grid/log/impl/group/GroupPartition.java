package dev.grid.log.impl.group;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The groups of one cluster partition on one member: their replicated records (on every replica) and their
 * coordinators (on the owner only). Confined to the partition's thread, but for the next session deadline, which the
 * service's timer reads.
 */
final class GroupPartition {
    final Map<String, GroupRecord> records = new HashMap<>();
    final Map<String, GroupCoordinator> coordinators = new HashMap<>();
    /** When the earliest session of a group here ends if no heartbeat comes (Long.MAX_VALUE: none). */
    volatile long nextDeadline = Long.MAX_VALUE;
    /**
     * Whether this partition has had a group on this member: a hint for readers on other threads (set on the partition's
     * thread when a record is created or copied in, never cleared), so they need not visit partitions that never had one.
     */
    volatile boolean mayHaveGroups;
    /** Whether an expiry task for this partition waits on its thread already. */
    final AtomicBoolean expiryQueued = new AtomicBoolean();

    void updateDeadline() {
        long deadline = Long.MAX_VALUE;
        for (GroupCoordinator coordinator : coordinators.values()) {
            deadline = Math.min(deadline, coordinator.nextDeadline());
        }
        nextDeadline = deadline;
    }
}
