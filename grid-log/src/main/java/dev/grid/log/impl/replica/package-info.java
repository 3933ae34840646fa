/** One replica of a log partition on a member: its files, and while owned, the high watermark and replication to backups. */
package dev.grid.log.impl.replica;
