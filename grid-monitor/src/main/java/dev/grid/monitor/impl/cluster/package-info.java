/** Cluster-wide views kept in grid.monitor.* structures: members, transactions, locks, the distributed log; cluster metrics. */
package dev.grid.monitor.impl.cluster;
