package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.PreVoteRequest;
import io.microraft.model.message.PreVoteRequest.PreVoteRequestBuilder;

import java.io.IOException;

/** Candidate to members: would you vote for me (asked before bumping the term)? */
public final class PreVoteRequestModel extends AbstractRaftMessageModel implements PreVoteRequest, PreVoteRequestBuilder {
    private static final long serialVersionUID = 1L;

    private int lastLogTerm;
    private long lastLogIndex;

    @Override
    public int getLastLogTerm() {
        return lastLogTerm;
    }

    @Override
    public long getLastLogIndex() {
        return lastLogIndex;
    }

    @Override
    public PreVoteRequestBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public PreVoteRequestBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public PreVoteRequestBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public PreVoteRequestBuilder setLastLogTerm(int lastLogTerm) {
        this.lastLogTerm = lastLogTerm;
        return this;
    }

    @Override
    public PreVoteRequestBuilder setLastLogIndex(long lastLogIndex) {
        this.lastLogIndex = lastLogIndex;
        return this;
    }

    @Override
    public PreVoteRequest build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.PRE_VOTE_REQUEST;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeInt(lastLogTerm);
        out.writeLong(lastLogIndex);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        lastLogTerm = in.readInt();
        lastLogIndex = in.readLong();
    }

    @Override
    public String toString() {
        return "PreVoteRequest{sender=" + sender + ", term=" + term + ", " + "lastLogTerm=" + lastLogTerm + ", " + "lastLogIndex=" + lastLogIndex + "}";
    }
}
