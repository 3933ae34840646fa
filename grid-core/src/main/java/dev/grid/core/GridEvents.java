package dev.grid.core;

/**
 * The event bus of one grid (member or client): grid's modules publish what happens (transactions,
 * lock group changes, warnings); grid-monitor and applications subscribe. Events stay in this JVM;
 * cluster-wide views are built by whoever subscribes (grid-monitor).
 *
 * @since 0.1
 */
public interface GridEvents {

    /**
     * Delivers the event to every current listener, on this thread. Never throws because of a
     * listener.
     *
     * @param event the event
     */
    void publish(GridEvent event);

    /**
     * @param listener called for every event published after this call
     * @return closing it removes the listener
     */
    AutoCloseable subscribe(GridEventListener listener);
}
