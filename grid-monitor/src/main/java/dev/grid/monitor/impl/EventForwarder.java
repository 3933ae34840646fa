package dev.grid.monitor.impl;

import dev.grid.core.Grid;
import dev.grid.core.GridCounters;
import dev.grid.monitor.impl.cluster.DistributedLog;
import dev.grid.monitor.impl.cluster.TransactionMonitor;

import java.time.Duration;

/** Forwards a JVM's transaction events and WARN/ERROR events to the cluster's monitor structures (for clients). */
public final class EventForwarder {
    private EventForwarder() {
    }

    public static AutoCloseable start(Grid grid) {
        String name = grid.localMember().map(m -> m.address()).orElse("client-" + grid.hazelcast().getName());
        TransactionMonitor transactions = new TransactionMonitor(grid.hazelcast(), name, Duration.ofHours(24), grid.clock(),
                null, GridCounters.NONE);
        DistributedLog log = new DistributedLog(grid.hazelcast(), name, false);
        AutoCloseable txnSubscription = grid.events().subscribe(transactions);
        AutoCloseable logSubscription = grid.events().subscribe(log);
        return () -> {
            txnSubscription.close();
            logSubscription.close();
            transactions.close();
            log.close();
        };
    }
}
