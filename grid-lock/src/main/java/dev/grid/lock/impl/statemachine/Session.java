package dev.grid.lock.impl.statemachine;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A CP session: one per member or client that uses locks. It lives while its owner sends
 * heartbeats; when it expires or closes, its locks are released. It also remembers, per thread,
 * the last lock call and its result, so a call sent again after a failover is answered the same way
 * instead of running twice.
 */
final class Session {
    final long id;
    final UUID owner;
    final String ownerName;
    final long ttlMillis;
    long lastHeartbeat;
    /** thread id -> the thread's last completed lock call */
    final Map<Long, LastCall> lastCalls = new HashMap<>();

    Session(long id, UUID owner, String ownerName, long ttlMillis, long lastHeartbeat) {
        this.id = id;
        this.owner = owner;
        this.ownerName = ownerName;
        this.ttlMillis = ttlMillis;
        this.lastHeartbeat = lastHeartbeat;
    }

    long expiresAfter() {
        return lastHeartbeat + ttlMillis;
    }

    void record(long threadId, UUID invocationUid, long result) {
        lastCalls.put(threadId, new LastCall(invocationUid, result));
    }

    /** @return the cached result if this is the thread's last call sent again, else null */
    Long repeated(long threadId, UUID invocationUid) {
        LastCall last = lastCalls.get(threadId);
        return last != null && last.uid.equals(invocationUid) ? last.result : null;
    }

    LastCall lastCall(long threadId) {
        return lastCalls.get(threadId);
    }

    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeLong(id);
        UUIDSerializationUtil.writeUUID(out, owner);
        out.writeString(ownerName);
        out.writeLong(ttlMillis);
        out.writeLong(lastHeartbeat);
        out.writeInt(lastCalls.size());
        for (Map.Entry<Long, LastCall> call : lastCalls.entrySet()) {
            out.writeLong(call.getKey());
            UUIDSerializationUtil.writeUUID(out, call.getValue().uid);
            out.writeLong(call.getValue().result);
        }
    }

    static Session readFrom(ObjectDataInput in) throws IOException {
        Session session = new Session(in.readLong(), UUIDSerializationUtil.readUUID(in), in.readString(), in.readLong(), in.readLong());
        int calls = in.readInt();
        for (int i = 0; i < calls; i++) {
            long threadId = in.readLong();
            session.lastCalls.put(threadId, new LastCall(UUIDSerializationUtil.readUUID(in), in.readLong()));
        }
        return session;
    }

    Session copy() {
        Session copy = new Session(id, owner, ownerName, ttlMillis, lastHeartbeat);
        copy.lastCalls.putAll(lastCalls);
        return copy;
    }

    static final class LastCall {
        final UUID uid;
        final long result;

        LastCall(UUID uid, long result) {
            this.uid = uid;
            this.result = result;
        }
    }
}
