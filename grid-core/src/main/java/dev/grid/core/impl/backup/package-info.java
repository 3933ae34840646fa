/**
 * Writes whose synchronous backup acknowledgement can no longer come. grid runs Hazelcast with
 * {@code fail.on.indeterminate.state} on, so such a write fails instead of reporting success after
 * the backup timeout; the classes here end the wait early once a member has left (the member that
 * owed the acknowledgement is most likely gone), and the
 * {@link dev.grid.core.impl.backup.IndeterminateWrites} policy retries idempotent writes.
 */
package dev.grid.core.impl.backup;
