package dev.grid.lock.impl.commands;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.util.UUID;

/**
 * A call on one lock by one thread of a session, with the invocation's unique id: a call sent
 * again (after a failover or a lost response) carries the same id and gets the same answer.
 */
public abstract class LockCommand extends TimedCommand {
    protected String name;
    protected long sessionId;
    protected long threadId;
    protected UUID invocationUid;

    protected LockCommand() {
    }

    protected LockCommand(String name, long sessionId, long threadId, UUID invocationUid) {
        this.name = name;
        this.sessionId = sessionId;
        this.threadId = threadId;
        this.invocationUid = invocationUid;
    }

    public final String name() {
        return name;
    }

    public final UUID invocationUid() {
        return invocationUid;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeLong(sessionId);
        out.writeLong(threadId);
        UUIDSerializationUtil.writeUUID(out, invocationUid);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        name = in.readString();
        sessionId = in.readLong();
        threadId = in.readLong();
        invocationUid = UUIDSerializationUtil.readUUID(in);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Command", "") + "{lock=" + name + ", session=" + sessionId
                + ", thread=" + threadId + ", uid=" + invocationUid + "}";
    }
}
