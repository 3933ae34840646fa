package dev.grid.core.spi;

import dev.grid.core.GridEvent;
import dev.grid.core.GridEventListener;
import dev.grid.core.GridEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The event bus of one grid: synchronous delivery to a copy-on-write list of listeners. */
public final class GridEventBus implements GridEvents {
    /** Key under which a member's bus sits in Hazelcast's user context, for grid's services. */
    public static final String USER_CONTEXT_KEY = "dev.grid.events";

    private static final Logger LOG = LoggerFactory.getLogger(GridEventBus.class);

    private final List<GridEventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(GridEvent event) {
        Objects.requireNonNull(event, "event");
        for (GridEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                LOG.warn("event listener {} failed on {} event: {}", listener, event.type(), e.toString(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(GridEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
