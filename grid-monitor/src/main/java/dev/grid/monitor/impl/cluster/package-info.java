/**
 * Cluster-wide views kept in grid.monitor.* structures: members (with the log partitions they own and the consumer
 * groups' lag they measure), transactions, locks, the distributed log; the topics as grid-log describes them; cluster
 * metrics.
 */
package dev.grid.monitor.impl.cluster;
