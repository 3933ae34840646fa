package dev.grid.lock.impl.statemachine;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.UUID;

/**
 * One lock with a holder or waiters (free locks without waiters are not kept): the holder, how
 * many times it holds the lock, the fence it got, and the queue of waiting calls in arrival order.
 */
final class LockState {
    final String name;
    LockEndpoint holder;
    int count;
    long fence;
    /** the state machine's (leader-stamped) time when the holder got the lock */
    long acquiredAt;
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    LockState(String name) {
        this.name = name;
    }

    boolean isIdle() {
        return holder == null && waiters.isEmpty();
    }

    Waiter waiter(UUID uid) {
        for (Waiter waiter : waiters) {
            if (waiter.uid.equals(uid)) {
                return waiter;
            }
        }
        return null;
    }

    LockState copy() {
        LockState copy = new LockState(name);
        copy.holder = holder;
        copy.count = count;
        copy.fence = fence;
        copy.acquiredAt = acquiredAt;
        for (Waiter waiter : waiters) {
            copy.waiters.add(new Waiter(name, waiter.endpoint, waiter.uid, waiter.deadline, waiter.since));
        }
        return copy;
    }

    Iterator<Waiter> waitersIterator() {
        return waiters.iterator();
    }

    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeBoolean(holder != null);
        if (holder != null) {
            out.writeLong(holder.sessionId());
            out.writeLong(holder.threadId());
        }
        out.writeInt(count);
        out.writeLong(fence);
        out.writeLong(acquiredAt);
        out.writeInt(waiters.size());
        for (Waiter waiter : waiters) {
            out.writeLong(waiter.endpoint.sessionId());
            out.writeLong(waiter.endpoint.threadId());
            UUIDSerializationUtil.writeUUID(out, waiter.uid);
            out.writeLong(waiter.deadline);
            out.writeLong(waiter.since);
        }
    }

    static LockState readFrom(ObjectDataInput in) throws IOException {
        LockState lock = new LockState(in.readString());
        if (in.readBoolean()) {
            lock.holder = new LockEndpoint(in.readLong(), in.readLong());
        }
        lock.count = in.readInt();
        lock.fence = in.readLong();
        lock.acquiredAt = in.readLong();
        int waiters = in.readInt();
        for (int i = 0; i < waiters; i++) {
            LockEndpoint endpoint = new LockEndpoint(in.readLong(), in.readLong());
            lock.waiters.add(new Waiter(lock.name, endpoint, UUIDSerializationUtil.readUUID(in), in.readLong(), in.readLong()));
        }
        return lock;
    }

    /** A call waiting for the lock; {@code deadline} is leader time, or {@link LockStateMachine#NO_DEADLINE}. */
    static final class Waiter {
        final String lockName;
        final LockEndpoint endpoint;
        final UUID uid;
        final long deadline;
        /** the state machine's time when the call started waiting */
        final long since;
        /** set once the waiter leaves the queue; the deadline queue drops such entries lazily */
        boolean done;

        Waiter(String lockName, LockEndpoint endpoint, UUID uid, long deadline, long since) {
            this.lockName = lockName;
            this.endpoint = endpoint;
            this.uid = uid;
            this.deadline = deadline;
            this.since = since;
        }
    }
}
