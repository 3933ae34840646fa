package dev.grid.lock.impl.statemachine;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;

/** Who holds a lock right now, as a linearizable query answers it: fence, hold count, holder. */
public final class LockOwnership implements IdentifiedDataSerializable {
    public static final LockOwnership FREE = new LockOwnership(0, 0, 0, 0);

    private long fence;
    private int lockCount;
    private long sessionId;
    private long threadId;

    public LockOwnership() {
    }

    public LockOwnership(long fence, int lockCount, long sessionId, long threadId) {
        this.fence = fence;
        this.lockCount = lockCount;
        this.sessionId = sessionId;
        this.threadId = threadId;
    }

    public boolean isLocked() {
        return fence > 0;
    }

    public boolean isLockedBy(long sessionId, long threadId) {
        return isLocked() && this.sessionId == sessionId && this.threadId == threadId;
    }

    public long fence() {
        return fence;
    }

    public int lockCount() {
        return lockCount;
    }

    public long sessionId() {
        return sessionId;
    }

    public long threadId() {
        return threadId;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.LOCK_OWNERSHIP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(fence);
        out.writeInt(lockCount);
        out.writeLong(sessionId);
        out.writeLong(threadId);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        fence = in.readLong();
        lockCount = in.readInt();
        sessionId = in.readLong();
        threadId = in.readLong();
    }

    @Override
    public String toString() {
        return isLocked() ? "LockOwnership{fence=" + fence + ", count=" + lockCount + ", session=" + sessionId + ", thread=" + threadId + "}"
                : "LockOwnership{free}";
    }
}
