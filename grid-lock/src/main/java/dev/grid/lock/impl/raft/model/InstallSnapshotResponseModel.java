package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.message.InstallSnapshotResponse;
import io.microraft.model.message.InstallSnapshotResponse.InstallSnapshotResponseBuilder;

import java.io.IOException;

/** Lagging member to the sender: which snapshot chunk it needs next. */
public final class InstallSnapshotResponseModel extends AbstractRaftMessageModel implements InstallSnapshotResponse, InstallSnapshotResponseBuilder {
    private static final long serialVersionUID = 1L;

    private long snapshotIndex;
    private int requestedSnapshotChunkIndex;
    private long querySequenceNumber;
    private long flowControlSequenceNumber;

    @Override
    public long getSnapshotIndex() {
        return snapshotIndex;
    }

    @Override
    public int getRequestedSnapshotChunkIndex() {
        return requestedSnapshotChunkIndex;
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
    public InstallSnapshotResponseBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setSnapshotIndex(long snapshotIndex) {
        this.snapshotIndex = snapshotIndex;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setRequestedSnapshotChunkIndex(int requestedSnapshotChunkIndex) {
        this.requestedSnapshotChunkIndex = requestedSnapshotChunkIndex;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setQuerySequenceNumber(long querySequenceNumber) {
        this.querySequenceNumber = querySequenceNumber;
        return this;
    }

    @Override
    public InstallSnapshotResponseBuilder setFlowControlSequenceNumber(long flowControlSequenceNumber) {
        this.flowControlSequenceNumber = flowControlSequenceNumber;
        return this;
    }

    @Override
    public InstallSnapshotResponse build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.INSTALL_SNAPSHOT_RESPONSE;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeLong(snapshotIndex);
        out.writeInt(requestedSnapshotChunkIndex);
        out.writeLong(querySequenceNumber);
        out.writeLong(flowControlSequenceNumber);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        snapshotIndex = in.readLong();
        requestedSnapshotChunkIndex = in.readInt();
        querySequenceNumber = in.readLong();
        flowControlSequenceNumber = in.readLong();
    }

    @Override
    public String toString() {
        return "InstallSnapshotResponse{sender=" + sender + ", term=" + term + ", " + "snapshotIndex=" + snapshotIndex + ", " + "requestedSnapshotChunkIndex=" + requestedSnapshotChunkIndex + ", " + "querySequenceNumber=" + querySequenceNumber + ", " + "flowControlSequenceNumber=" + flowControlSequenceNumber + "}";
    }
}
