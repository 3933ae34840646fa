package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.VoteRequest;
import io.microraft.model.message.VoteRequest.VoteRequestBuilder;

import java.io.IOException;

/** Candidate to members: vote for me in this term. */
public final class VoteRequestModel extends AbstractRaftMessageModel implements VoteRequest, VoteRequestBuilder {
    private static final long serialVersionUID = 1L;

    private int lastLogTerm;
    private long lastLogIndex;
    private boolean sticky;

    @Override
    public int getLastLogTerm() {
        return lastLogTerm;
    }

    @Override
    public long getLastLogIndex() {
        return lastLogIndex;
    }

    @Override
    public boolean isSticky() {
        return sticky;
    }

    @Override
    public VoteRequestBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public VoteRequestBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public VoteRequestBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public VoteRequestBuilder setLastLogTerm(int lastLogTerm) {
        this.lastLogTerm = lastLogTerm;
        return this;
    }

    @Override
    public VoteRequestBuilder setLastLogIndex(long lastLogIndex) {
        this.lastLogIndex = lastLogIndex;
        return this;
    }

    @Override
    public VoteRequestBuilder setSticky(boolean sticky) {
        this.sticky = sticky;
        return this;
    }

    @Override
    public VoteRequest build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.VOTE_REQUEST;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeInt(lastLogTerm);
        out.writeLong(lastLogIndex);
        out.writeBoolean(sticky);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        lastLogTerm = in.readInt();
        lastLogIndex = in.readLong();
        sticky = in.readBoolean();
    }

    @Override
    public String toString() {
        return "VoteRequest{sender=" + sender + ", term=" + term + ", " + "lastLogTerm=" + lastLogTerm + ", " + "lastLogIndex=" + lastLogIndex + ", " + "sticky=" + sticky + "}";
    }
}
