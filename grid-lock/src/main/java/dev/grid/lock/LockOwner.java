package dev.grid.lock;

import java.util.UUID;

/**
 * Who holds or waits for a lock: one thread of a CP session's owner (a member or a client).
 *
 * @param sessionId the CP session's id
 * @param owner     the UUID of the member or client that owns the session (null if the session is gone)
 * @param ownerName the owner as it named itself: {@code member 127.0.0.1:5701} or {@code client-<name>}
 * @param threadId  the owner's thread (its Java thread id)
 * @since 0.1
 */
public record LockOwner(long sessionId, UUID owner, String ownerName, long threadId) {

    @Override
    public String toString() {
        return ownerName + " thread " + threadId + " (session " + sessionId + ")";
    }
}
