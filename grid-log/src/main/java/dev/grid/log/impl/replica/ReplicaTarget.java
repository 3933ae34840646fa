package dev.grid.log.impl.replica;

import java.util.UUID;

/**
 * A backup replica of a cluster partition, as the partition table names it now.
 *
 * @param replicaIndex 1 for the first backup, and so on
 * @param member       the member holding it
 * @param synchronous  whether appends wait for it (the first {@code backupCount} replicas) or not (asynchronous backups)
 */
public record ReplicaTarget(int replicaIndex, UUID member, boolean synchronous) {
}
