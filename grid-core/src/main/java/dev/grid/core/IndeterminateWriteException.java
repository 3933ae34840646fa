package dev.grid.core;

/**
 * A write whose outcome is unknown: the member that owns the key may have applied it, but its
 * synchronous backups did not confirm it in time (a member left the cluster, or the backup
 * acknowledgement timed out). grid never reports such a write as a success, because the owner may
 * die before any backup holds it.
 *
 * <p>grid retries idempotent writes itself ({@code set}, {@code setAsync}, {@code setFenced},
 * {@code delete}, {@code putAll}) and throws this only when every retry ended the same way. For the
 * other writes the caller decides: repeat the write if repeating it is harmless, or read the key to
 * find out.
 *
 * @since 0.2
 */
public class IndeterminateWriteException extends GridException {
    private static final long serialVersionUID = 1L;

    public IndeterminateWriteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For Hazelcast's client, which recreates a member's exception from its class name and message. */
    public IndeterminateWriteException(String message) {
        super(message);
    }
}
