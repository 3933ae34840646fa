package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.AppendEntriesFailureResponse;
import io.microraft.model.message.AppendEntriesFailureResponse.AppendEntriesFailureResponseBuilder;

import java.io.IOException;

/** Follower to leader: the entries do not fit the follower's log; where to resume. */
public final class AppendEntriesFailureResponseModel extends AbstractRaftMessageModel implements AppendEntriesFailureResponse, AppendEntriesFailureResponseBuilder {
    private static final long serialVersionUID = 1L;

    private long expectedNextIndex;
    private long querySequenceNumber;
    private long flowControlSequenceNumber;

    @Override
    public long getExpectedNextIndex() {
        return expectedNextIndex;
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
    public AppendEntriesFailureResponseBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public AppendEntriesFailureResponseBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public AppendEntriesFailureResponseBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public AppendEntriesFailureResponseBuilder setExpectedNextIndex(long expectedNextIndex) {
        this.expectedNextIndex = expectedNextIndex;
        return this;
    }

    @Override
    public AppendEntriesFailureResponseBuilder setQuerySequenceNumber(long querySequenceNumber) {
        this.querySequenceNumber = querySequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesFailureResponseBuilder setFlowControlSequenceNumber(long flowControlSequenceNumber) {
        this.flowControlSequenceNumber = flowControlSequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesFailureResponse build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.APPEND_ENTRIES_FAILURE;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeLong(expectedNextIndex);
        out.writeLong(querySequenceNumber);
        out.writeLong(flowControlSequenceNumber);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        expectedNextIndex = in.readLong();
        querySequenceNumber = in.readLong();
        flowControlSequenceNumber = in.readLong();
    }

    @Override
    public String toString() {
        return "AppendEntriesFailureResponse{sender=" + sender + ", term=" + term + ", " + "expectedNextIndex=" + expectedNextIndex + ", " + "querySequenceNumber=" + querySequenceNumber + ", " + "flowControlSequenceNumber=" + flowControlSequenceNumber + "}";
    }
}
