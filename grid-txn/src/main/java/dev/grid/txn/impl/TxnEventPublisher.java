package dev.grid.txn.impl;

import dev.grid.core.GridEvent;
import dev.grid.core.GridEvents;
import dev.grid.txn.TxnEvents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and publishes the {@code txn.*} events of one node on a grid's event bus.
 */
final class TxnEventPublisher {
    private final GridEvents events;
    private final String node;

    TxnEventPublisher(GridEvents events, String node) {
        this.events = events;
        this.node = node;
    }

    /** Starts an event of one transaction; {@code extra} are name, value pairs. */
    void publish(String type, GridEvent.Severity severity, String message, String txId, List<String> resources, String... extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (txId != null) {
            attributes.put(TxnEvents.TX_ID, txId);
        }
        attributes.put(TxnEvents.RESOURCES, String.join(",", resources));
        attributes.put(TxnEvents.NODE, node);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            attributes.put(extra[i], extra[i + 1]);
        }
        events.publish(GridEvent.now(type, severity, message, attributes));
    }
}
