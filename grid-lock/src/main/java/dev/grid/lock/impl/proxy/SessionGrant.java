package dev.grid.lock.impl.proxy;

/** An open CP session as its owner sees it: its id, and how long and how often it must be kept alive. */
public final class SessionGrant {
    private final long id;
    private final long ttlMillis;
    private final long heartbeatMillis;

    public SessionGrant(long id, long ttlMillis, long heartbeatMillis) {
        this.id = id;
        this.ttlMillis = ttlMillis;
        this.heartbeatMillis = heartbeatMillis;
    }

    public long id() {
        return id;
    }

    public long ttlMillis() {
        return ttlMillis;
    }

    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    @Override
    public String toString() {
        return "Session{" + id + ", ttl=" + ttlMillis + "ms, heartbeat=" + heartbeatMillis + "ms}";
    }
}
