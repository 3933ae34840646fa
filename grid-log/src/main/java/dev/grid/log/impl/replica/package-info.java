/**
 * One replica of a log partition on a member: its files, and while owned, the high watermark and replication to
 * backups; and its side of a repair (a backup cutting a corrupt tail, an owner copying its log back from a backup).
 */
package dev.grid.log.impl.replica;
