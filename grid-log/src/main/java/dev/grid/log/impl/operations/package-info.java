/** grid-log's Hazelcast operations: appends, replication to backups, reads, offsets, migration chunks, topic drops. */
package dev.grid.log.impl.operations;
