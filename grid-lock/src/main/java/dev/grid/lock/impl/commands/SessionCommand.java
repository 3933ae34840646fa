package dev.grid.lock.impl.commands;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.statemachine.LockStateMachine;

import java.io.IOException;

/** A heartbeat or the closing of a session; answers OK or SESSION_EXPIRED. */
public final class SessionCommand extends TimedCommand {
    private boolean close;
    private long sessionId;

    public SessionCommand() {
    }

    private SessionCommand(boolean close, long sessionId) {
        this.close = close;
        this.sessionId = sessionId;
    }

    public static SessionCommand heartbeat(long sessionId) {
        return new SessionCommand(false, sessionId);
    }

    public static SessionCommand close(long sessionId) {
        return new SessionCommand(true, sessionId);
    }

    @Override
    public Object applyTo(LockStateMachine stateMachine, long commitIndex) {
        return close ? stateMachine.closeSession(commitIndex, sessionId) : stateMachine.heartbeat(sessionId);
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.SESSION_COMMAND;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeBoolean(close);
        out.writeLong(sessionId);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        close = in.readBoolean();
        sessionId = in.readLong();
    }

    @Override
    public String toString() {
        return (close ? "CloseSession{" : "Heartbeat{") + sessionId + "}";
    }
}
