package dev.grid.core;

import com.hazelcast.spi.exception.RetryableHazelcastException;

/**
 * A plain (non-transactional) GridMap write met a key that a transaction has locked. Hazelcast's
 * invocation retries such a write, with back-off, until the transaction commits or rolls back (or
 * its lock's lease ends); a caller sees this exception only when the invocation gives up (about
 * two minutes: {@code hazelcast.invocation.max.retry.count} tries, or the client's
 * {@code hazelcast.client.invocation.timeout.seconds}). Nothing was written.
 *
 * @since 0.1
 */
public class KeyLockedByTransactionException extends RetryableHazelcastException {
    private static final long serialVersionUID = 1L;

    /** @param message names the map, the key and the transaction holding the lock */
    public KeyLockedByTransactionException(String message) {
        super(message);
    }
}
