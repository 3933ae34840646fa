package dev.grid.lock.impl.statemachine;

/** Who holds or waits for a lock: a thread of a session's owner (a member or a client). */
public final class LockEndpoint {
    private final long sessionId;
    private final long threadId;

    public LockEndpoint(long sessionId, long threadId) {
        this.sessionId = sessionId;
        this.threadId = threadId;
    }

    public long sessionId() {
        return sessionId;
    }

    public long threadId() {
        return threadId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockEndpoint && ((LockEndpoint) o).sessionId == sessionId && ((LockEndpoint) o).threadId == threadId;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(sessionId) + Long.hashCode(threadId);
    }

    @Override
    public String toString() {
        return "session " + sessionId + " thread " + threadId;
    }
}
