package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import io.microraft.model.log.SnapshotChunk.SnapshotChunkBuilder;

import java.io.IOException;

/** One chunk of a state machine snapshot, with the group members the snapshot was taken with. */
public final class SnapshotChunkModel implements SnapshotChunk, SnapshotChunkBuilder, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    private long index;
    private int term;
    private Object operation;
    private int snapshotChunkIndex;
    private int snapshotChunkCount;
    private RaftGroupMembersView groupMembersView;

    @Override
    public long getIndex() {
        return index;
    }

    @Override
    public int getTerm() {
        return term;
    }

    @Override
    public Object getOperation() {
        return operation;
    }

    @Override
    public int getSnapshotChunkIndex() {
        return snapshotChunkIndex;
    }

    @Override
    public int getSnapshotChunkCount() {
        return snapshotChunkCount;
    }

    @Override
    public RaftGroupMembersView getGroupMembersView() {
        return groupMembersView;
    }

    @Override
    public SnapshotChunkBuilder setIndex(long index) {
        this.index = index;
        return this;
    }

    @Override
    public SnapshotChunkBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public SnapshotChunkBuilder setOperation(Object operation) {
        this.operation = operation;
        return this;
    }

    @Override
    public SnapshotChunkBuilder setSnapshotChunkIndex(int snapshotChunkIndex) {
        this.snapshotChunkIndex = snapshotChunkIndex;
        return this;
    }

    @Override
    public SnapshotChunkBuilder setSnapshotChunkCount(int snapshotChunkCount) {
        this.snapshotChunkCount = snapshotChunkCount;
        return this;
    }

    @Override
    public SnapshotChunkBuilder setGroupMembersView(RaftGroupMembersView groupMembersView) {
        this.groupMembersView = groupMembersView;
        return this;
    }

    @Override
    public SnapshotChunk build() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.SNAPSHOT_CHUNK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(index);
        out.writeInt(term);
        out.writeObject(operation);
        out.writeInt(snapshotChunkIndex);
        out.writeInt(snapshotChunkCount);
        RaftIO.writeMembersView(out, groupMembersView);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        index = in.readLong();
        term = in.readInt();
        operation = in.readObject();
        snapshotChunkIndex = in.readInt();
        snapshotChunkCount = in.readInt();
        groupMembersView = RaftIO.readMembersView(in);
    }

    @Override
    public String toString() {
        return "SnapshotChunk{index=" + index + ", term=" + term + ", chunk=" + snapshotChunkIndex + "/" + snapshotChunkCount + "}";
    }
}
