/**
 * grid-log's Hazelcast operations: appends, replication to backups, reads, offsets, migration chunks, topic drops, and
 * the repairs of corrupt replicas (an owner fetching its batches back from a backup, a backup telling its owner it cut
 * its log).
 */
package dev.grid.log.impl.operations;
