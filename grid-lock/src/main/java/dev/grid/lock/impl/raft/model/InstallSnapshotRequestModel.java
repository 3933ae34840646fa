package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import io.microraft.model.message.InstallSnapshotRequest;
import io.microraft.model.message.InstallSnapshotRequest.InstallSnapshotRequestBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;

/** Leader (or a follower helping it) to a lagging member: one chunk of a snapshot. */
public final class InstallSnapshotRequestModel extends AbstractRaftMessageModel implements InstallSnapshotRequest, InstallSnapshotRequestBuilder {
    private static final long serialVersionUID = 1L;

    private boolean senderLeader;
    private int snapshotTerm;
    private long snapshotIndex;
    private int totalSnapshotChunkCount;
    private SnapshotChunk snapshotChunk;
    private Collection<RaftEndpoint> snapshottedMembers = new ArrayList<>();
    private RaftGroupMembersView groupMembersView;
    private long querySequenceNumber;
    private long flowControlSequenceNumber;

    @Override
    public boolean isSenderLeader() {
        return senderLeader;
    }

    @Override
    public int getSnapshotTerm() {
        return snapshotTerm;
    }

    @Override
    public long getSnapshotIndex() {
        return snapshotIndex;
    }

    @Override
    public int getTotalSnapshotChunkCount() {
        return totalSnapshotChunkCount;
    }

    @Override
    public SnapshotChunk getSnapshotChunk() {
        return snapshotChunk;
    }

    @Override
    public Collection<RaftEndpoint> getSnapshottedMembers() {
        return snapshottedMembers;
    }

    @Override
    public RaftGroupMembersView getGroupMembersView() {
        return groupMembersView;
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
    public InstallSnapshotRequestBuilder setGroupId(Object groupId) {
        this.groupId = groupId;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSender(RaftEndpoint sender) {
        this.sender = sender;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSenderLeader(boolean senderLeader) {
        this.senderLeader = senderLeader;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSnapshotTerm(int snapshotTerm) {
        this.snapshotTerm = snapshotTerm;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSnapshotIndex(long snapshotIndex) {
        this.snapshotIndex = snapshotIndex;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setTotalSnapshotChunkCount(int totalSnapshotChunkCount) {
        this.totalSnapshotChunkCount = totalSnapshotChunkCount;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSnapshotChunk(SnapshotChunk snapshotChunk) {
        this.snapshotChunk = snapshotChunk;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setSnapshottedMembers(Collection<RaftEndpoint> snapshottedMembers) {
        this.snapshottedMembers = snapshottedMembers;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setGroupMembersView(RaftGroupMembersView groupMembersView) {
        this.groupMembersView = groupMembersView;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setQuerySequenceNumber(long querySequenceNumber) {
        this.querySequenceNumber = querySequenceNumber;
        return this;
    }

    @Override
    public InstallSnapshotRequestBuilder setFlowControlSequenceNumber(long flowControlSequenceNumber) {
        this.flowControlSequenceNumber = flowControlSequenceNumber;
        return this;
    }

    @Override
    public InstallSnapshotRequest build() {
        return this;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.INSTALL_SNAPSHOT_REQUEST;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeBoolean(senderLeader);
        out.writeInt(snapshotTerm);
        out.writeLong(snapshotIndex);
        out.writeInt(totalSnapshotChunkCount);
        RaftIO.writeNullableChunk(out, snapshotChunk);
        RaftIO.writeEndpoints(out, snapshottedMembers);
        RaftIO.writeMembersView(out, groupMembersView);
        out.writeLong(querySequenceNumber);
        out.writeLong(flowControlSequenceNumber);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        senderLeader = in.readBoolean();
        snapshotTerm = in.readInt();
        snapshotIndex = in.readLong();
        totalSnapshotChunkCount = in.readInt();
        snapshotChunk = RaftIO.readNullableChunk(in);
        snapshottedMembers = RaftIO.readEndpoints(in);
        groupMembersView = RaftIO.readMembersView(in);
        querySequenceNumber = in.readLong();
        flowControlSequenceNumber = in.readLong();
    }

    @Override
    public String toString() {
        return "InstallSnapshotRequest{sender=" + sender + ", term=" + term + ", " + "senderLeader=" + senderLeader + ", " + "snapshotTerm=" + snapshotTerm + ", " + "snapshotIndex=" + snapshotIndex + ", " + "totalSnapshotChunkCount=" + totalSnapshotChunkCount + ", " + "snapshotChunk=" + snapshotChunk + ", " + "snapshottedMembers=" + snapshottedMembers + ", " + "groupMembersView=" + groupMembersView + ", " + "querySequenceNumber=" + querySequenceNumber + ", " + "flowControlSequenceNumber=" + flowControlSequenceNumber + "}";
    }
}
