package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.log.LogEntry;
import io.microraft.model.message.AppendEntriesRequest;
import io.microraft.model.message.AppendEntriesRequest.AppendEntriesRequestBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Leader to follower: log entries to append (none for a heartbeat) and the leader's commit index. */
public final class AppendEntriesRequestModel extends AbstractRaftMessageModel implements AppendEntriesRequest, AppendEntriesRequestBuilder {
    private static final long serialVersionUID = 1L;

    private int previousLogTerm;
    private long previousLogIndex;
    private long commitIndex;
    private List<LogEntry> logEntries = new ArrayList<>();
    private long querySequenceNumber;
    private long flowControlSequenceNumber;

    @Override
    public int getPreviousLogTerm() {
        return previousLogTerm;
    }

    @Override
    public long getPreviousLogIndex() {
        return previousLogIndex;
    }

    @Override
    public long getCommitIndex() {
        return commitIndex;
    }

    @Override
    public List<LogEntry> getLogEntries() {
        return logEntries;
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
    public AppendEntriesRequestBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setPreviousLogTerm(int previousLogTerm) {
        this.previousLogTerm = previousLogTerm;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setPreviousLogIndex(long previousLogIndex) {
        this.previousLogIndex = previousLogIndex;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setCommitIndex(long commitIndex) {
        this.commitIndex = commitIndex;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setLogEntries(List<LogEntry> logEntries) {
        this.logEntries = logEntries;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setQuerySequenceNumber(long querySequenceNumber) {
        this.querySequenceNumber = querySequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesRequestBuilder setFlowControlSequenceNumber(long flowControlSequenceNumber) {
        this.flowControlSequenceNumber = flowControlSequenceNumber;
        return this;
    }

    @Override
    public AppendEntriesRequest build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.APPEND_ENTRIES_REQUEST;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeInt(previousLogTerm);
        out.writeLong(previousLogIndex);
        out.writeLong(commitIndex);
        RaftIO.writeLogEntries(out, logEntries);
        out.writeLong(querySequenceNumber);
        out.writeLong(flowControlSequenceNumber);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        previousLogTerm = in.readInt();
        previousLogIndex = in.readLong();
        commitIndex = in.readLong();
        logEntries = RaftIO.readLogEntries(in);
        querySequenceNumber = in.readLong();
        flowControlSequenceNumber = in.readLong();
    }

    @Override
    public String toString() {
        return "AppendEntriesRequest{sender=" + sender + ", term=" + term + ", " + "previousLogTerm=" + previousLogTerm + ", " + "previousLogIndex=" + previousLogIndex + ", " + "commitIndex=" + commitIndex + ", " + "logEntries=" + logEntries.size() + ", " + "querySequenceNumber=" + querySequenceNumber + ", " + "flowControlSequenceNumber=" + flowControlSequenceNumber + "}";
    }
}
