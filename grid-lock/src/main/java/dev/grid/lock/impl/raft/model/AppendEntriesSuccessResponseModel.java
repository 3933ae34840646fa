package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.AppendEntriesSuccessResponse;
import io.microraft.model.message.AppendEntriesSuccessResponse.AppendEntriesSuccessResponseBuilder;

import java.io.IOException;

/** Follower to leader: the entries were appended up to an index. */
public final class AppendEntriesSuccessResponseModel extends AbstractRaftMessageModel implements AppendEntriesSuccessResponse, AppendEntriesSuccessResponseBuilder {
    private static final long serialVersionUID = 1L;

    private long lastLogIndex;
    private long querySequenceNumber;
    private long flowControlSequenceNumber;

    @Override
    public long getLastLogIndex() {
        return lastLogIndex;
    }

    @Override
    public long getQuerySequenceNumber() {
        return querySequenceNumber;
    }

    @Override
    public long getFlowControlSequenceNumber() {
        return flowControlSequenceNumber;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setLastLogIndex(long lastLogIndex) {
        this.lastLogIndex = lastLogIndex;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setQuerySequenceNumber(long querySequenceNumber) {
        this.querySequenceNumber = querySequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponseBuilder setFlowControlSequenceNumber(long flowControlSequenceNumber) {
        this.flowControlSequenceNumber = flowControlSequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesSuccessResponse build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.APPEND_ENTRIES_SUCCESS;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeLong(lastLogIndex);
        out.writeLong(querySequenceNumber);
        out.writeLong(flowControlSequenceNumber);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        lastLogIndex = in.readLong();
        querySequenceNumber = in.readLong();
        flowControlSequenceNumber = in.readLong();
    }

    @Override
    public String toString() {
        return "AppendEntriesSuccessResponse{sender=" + sender + ", term=" + term + ", " + "lastLogIndex=" + lastLogIndex + ", " + "querySequenceNumber=" + querySequenceNumber + ", " + "flowControlSequenceNumber=" + flowControlSequenceNumber + "}";
    }
}
