package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;
import java.util.UUID;

/**
 * unlock, or the withdrawal of a waiting lock call whose caller was interrupted. unlock answers the
 * holds left; a withdrawal answers NOT_ACQUIRED.
 */
public final class ReleaseCommand extends LockCommand {
    private boolean cancelWait;

    public ReleaseCommand() {
    }

    private ReleaseCommand(String name, long sessionId, long threadId, UUID invocationUid, boolean cancelWait) {
        super(name, sessionId, threadId, invocationUid);
        this.cancelWait = cancelWait;
    }

    public static ReleaseCommand unlock(String name, long sessionId, long threadId, UUID invocationUid) {
        return new ReleaseCommand(name, sessionId, threadId, invocationUid, false);
    }

    /** @param acquireUid the invocation id of the lock call to withdraw */
    public static ReleaseCommand cancelWait(String name, long sessionId, long threadId, UUID acquireUid) {
        return new ReleaseCommand(name, sessionId, threadId, acquireUid, true);
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return cancelWait ? stateMachine.cancelWait(commitIndex, name, sessionId, threadId, invocationUid)
                : stateMachine.release(commitIndex, name, sessionId, threadId, invocationUid);
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.RELEASE_COMMAND;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        super.writeFields(out);
        out.writeBoolean(cancelWait);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        super.readFields(in);
        cancelWait = in.readBoolean();
    }
}
