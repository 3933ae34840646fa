package dev.grid.core;

import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * A write of a map with change capture on ({@code grid.maps.<name>.changeCapture}), refused before it was applied
 * because its change could not be appended yet: the map's change topic is being created (the map's first write on a
 * member), or the member holds more change records not yet stored by the log than it allows. Hazelcast's invocation
 * sends the write again with back-off; a caller sees this exception only when the invocation gives up (about two
 * minutes, as for {@link KeyLockedByTransactionException}). Nothing was written.
 *
 * @since 0.3
 */
public class ChangeCaptureNotReadyException extends RetryableHazelcastException {
    private static final long serialVersionUID = 1L;

    /** @param message names the map and why its changes cannot be appended yet */
    public ChangeCaptureNotReadyException(String message) {
        super(message);
    }
}
