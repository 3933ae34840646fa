package dev.grid.txn.test;

import dev.grid.core.GridEvent;
import dev.grid.core.GridEvents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@code txn.*} events published on a grid's bus. */
public final class EventRecorder implements AutoCloseable {
    private final List<GridEvent> events = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;

    public EventRecorder(GridEvents bus) {
        this.subscription = bus.subscribe(event -> {
            if (event.type().startsWith("txn.")) {
                events.add(event);
            }
        });
    }

    public List<GridEvent> all() {
        return List.copyOf(events);
    }

    /** @return the events of one transaction, in order */
    public List<GridEvent> of(String txId) {
        return events.stream().filter(e -> txId.equals(e.attribute("txId"))).toList();
    }

    /** @return the types of one transaction's events, in order */
    public List<String> typesOf(String txId) {
        return of(txId).stream().map(GridEvent::type).toList();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
