package dev.grid.txn.impl;

import dev.grid.core.GridClock;
import dev.grid.core.GridEvents;
import dev.grid.txn.TxnEvent;

/**
 * Publishes the {@link TxnEvent}s of one node on a grid's event bus, stamped with the grid's clock.
 */
final class TxnEventPublisher {
    private final GridEvents events;
    private final String node;
    private final GridClock clock;

    TxnEventPublisher(GridEvents events, String node, GridClock clock) {
        this.events = events;
        this.node = node;
        this.clock = clock;
    }

    /** @return the node identifier events name */
    String node() {
        return node;
    }

    /** @return the time to stamp an event with: the grid's clock, epoch ms */
    long now() {
        return clock.millis();
    }

    void publish(TxnEvent event) {
        events.publish(event);
    }
}
