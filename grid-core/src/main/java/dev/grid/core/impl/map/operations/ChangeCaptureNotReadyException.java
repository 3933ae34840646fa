package dev.grid.core.impl.map.operations;

import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * A write of a map with change capture on, refused before it was applied because its change could not be appended yet
 * (the change topic is being created, or the member's appends are backed up). Hazelcast's invocation sends the write
 * again with back-off; a caller sees this only if the map never gets ready (about two minutes). Nothing was written.
 */
public class ChangeCaptureNotReadyException extends RetryableHazelcastException {
    private static final long serialVersionUID = 1L;

    /** @param message names the map and why its changes cannot be appended yet */
    public ChangeCaptureNotReadyException(String message) {
        super(message);
    }
}
