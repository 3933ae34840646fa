package dev.grid.core;

/**
 * A write of a map with change capture on ({@code grid.maps.<name>.changeCapture}) that was applied, but whose change
 * record could not be appended to the map's change topic (the topic was deleted, the log's disk is full, the append
 * timed out). The map holds the write; its change topic may lack it. Write the key again (its change is then
 * appended) or treat the topic as incomplete for that key.
 *
 * @since 0.3
 */
public class ChangeNotCapturedException extends GridException {
    private static final long serialVersionUID = 1L;

    public ChangeNotCapturedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For Hazelcast's client, which recreates a member's exception from its class name and message. */
    public ChangeNotCapturedException(String message) {
        super(message);
    }
}
