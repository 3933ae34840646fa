package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;
import java.util.UUID;

/** lock / tryLock: answers the fence, or waits in the lock's queue (the leader answers it later). */
public final class AcquireCommand extends LockCommand {
    private long timeoutMillis;
    private int reentrancyLimit;

    public AcquireCommand() {
    }

    /**
     * @param timeoutMillis   0: do not wait; negative: wait without limit
     * @param reentrancyLimit {@code grid.cp.lockReentrancyLimit} of the member that sends it (0: none)
     */
    public AcquireCommand(String name, long sessionId, long threadId, UUID invocationUid, long timeoutMillis, int reentrancyLimit) {
        super(name, sessionId, threadId, invocationUid);
        this.timeoutMillis = timeoutMillis;
        this.reentrancyLimit = reentrancyLimit;
    }

    /** @return true if the call may have to wait for its answer */
    public boolean mayWait() {
        return timeoutMillis != 0;
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return stateMachine.acquire(commitIndex, name, sessionId, threadId, invocationUid, timeoutMillis, reentrancyLimit);
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.ACQUIRE_COMMAND;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        super.writeFields(out);
        out.writeLong(timeoutMillis);
        out.writeInt(reentrancyLimit);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        super.readFields(in);
        timeoutMillis = in.readLong();
        reentrancyLimit = in.readInt();
    }
}
