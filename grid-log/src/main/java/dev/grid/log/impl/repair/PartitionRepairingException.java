package dev.grid.log.impl.repair;

import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * A read, append or copy of a log partition whose owner is rebuilding its files from a backup (or has just rebuilt
 * them and dropped the records an append was waiting for). Retryable: Hazelcast's invocations (a member's and a
 * client's) send the operation again after a pause, so callers usually only wait; the message names the partition
 * and why it is being repaired.
 */
public class PartitionRepairingException extends RetryableHazelcastException {
    private static final long serialVersionUID = 1L;

    public PartitionRepairingException(String message) {
        super(message);
    }

    public PartitionRepairingException(String message, Throwable cause) {
        super(message, cause);
    }
}
