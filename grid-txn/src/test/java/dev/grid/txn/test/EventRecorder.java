package dev.grid.txn.test;

import dev.grid.core.GridEvents;
import dev.grid.txn.TxnEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link TxnEvent}s published on a grid's bus. */
public final class EventRecorder implements AutoCloseable {
    private final List<TxnEvent> events = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;

    public EventRecorder(GridEvents bus) {
        this.subscription = bus.subscribe(event -> {
            if (event instanceof TxnEvent txn) {
                events.add(txn);
            }
        });
    }

    public List<TxnEvent> all() {
        return List.copyOf(events);
    }

    /** @return the events of one transaction, in order */
    public List<TxnEvent.OfTransaction> of(String txId) {
        return events.stream().filter(e -> e instanceof TxnEvent.OfTransaction t && t.txId().equals(txId))
                .map(e -> (TxnEvent.OfTransaction) e).toList();
    }

    /** @return the kinds of one transaction's events, in order */
    public List<Class<?>> kindsOf(String txId) {
        return of(txId).stream().<Class<?>>map(Object::getClass).toList();
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
