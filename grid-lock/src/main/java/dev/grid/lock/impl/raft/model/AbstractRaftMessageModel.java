package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.RaftMessage;

import java.io.IOException;

/**
 * What every Raft message carries: group id, sender and term. Subclasses add their fields after
 * these; each is its own builder, as MicroRaft's default models are.
 */
abstract class AbstractRaftMessageModel implements RaftMessage, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    protected Object groupId;
    protected RaftEndpoint sender;
    protected int term;

    @Override
    public final Object getGroupId() {
        return groupId;
    }

    @Override
    public final RaftEndpoint getSender() {
        return sender;
    }

    @Override
    public final int getTerm() {
        return term;
    }

    @Override
    public final int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public final void writeData(ObjectDataOutput out) throws IOException {
        RaftIO.writeGroupId(out, groupId);
        RaftIO.writeEndpoint(out, sender);
        out.writeInt(term);
        writeFields(out);
    }

    @Override
    public final void readData(ObjectDataInput in) throws IOException {
        groupId = RaftIO.readGroupId(in);
        sender = RaftIO.readEndpoint(in);
        term = in.readInt();
        readFields(in);
    }

    protected abstract void writeFields(ObjectDataOutput out) throws IOException;

    protected abstract void readFields(ObjectDataInput in) throws IOException;

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Model", "") + "{sender=" + sender + ", term=" + term + "}";
    }
}
