package dev.grid.core;

/**
 * Receives {@link GridEvent}s. Called on the publishing thread: return quickly and never block
 * (hand heavy work to a thread of your own). An exception thrown here is logged and otherwise
 * ignored: a listener never breaks the code that published the event.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface GridEventListener {

    /** @param event the event that happened */
    void onEvent(GridEvent event);
}
