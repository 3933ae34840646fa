package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.VoteResponse;
import io.microraft.model.message.VoteResponse.VoteResponseBuilder;

import java.io.IOException;

/** Member to candidate: the vote. */
public final class VoteResponseModel extends AbstractRaftMessageModel implements VoteResponse, VoteResponseBuilder {
    private static final long serialVersionUID = 1L;

    private boolean granted;

    @Override
    public boolean isGranted() {
        return granted;
    }

    @Override
    public VoteResponseBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public VoteResponseBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public VoteResponseBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public VoteResponseBuilder setGranted(boolean granted) {
        this.granted = granted;
        return this;
    }

    @Override
    public VoteResponse build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.VOTE_RESPONSE;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeBoolean(granted);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        granted = in.readBoolean();
    }

    @Override
    public String toString() {
        return "VoteResponse{sender=" + sender + ", term=" + term + ", " + "granted=" + granted + "}";
    }
}
