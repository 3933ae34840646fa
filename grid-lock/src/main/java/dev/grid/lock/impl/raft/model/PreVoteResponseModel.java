package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.PreVoteResponse;
import io.microraft.model.message.PreVoteResponse.PreVoteResponseBuilder;

import java.io.IOException;

/** Member to candidate: the answer to a pre-vote. */
public final class PreVoteResponseModel extends AbstractRaftMessageModel implements PreVoteResponse, PreVoteResponseBuilder {
    private static final long serialVersionUID = 1L;

    private boolean granted;

    @Override
    public boolean isGranted() {
        return granted;
    }

    @Override
    public PreVoteResponseBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public PreVoteResponseBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public PreVoteResponseBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public PreVoteResponseBuilder setGranted(boolean granted) {
        this.granted = granted;
        return this;
    }

    @Override
    public PreVoteResponse build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.PRE_VOTE_RESPONSE;
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
        return "PreVoteResponse{sender=" + sender + ", term=" + term + ", " + "granted=" + granted + "}";
    }
}
