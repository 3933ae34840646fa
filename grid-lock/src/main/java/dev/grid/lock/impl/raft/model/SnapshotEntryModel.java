package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import io.microraft.model.log.SnapshotEntry;
import io.microraft.model.log.SnapshotEntry.SnapshotEntryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole snapshot: its chunks and group members. MicroRaft keeps it in the local log and sends
 * it chunk by chunk ({@link SnapshotChunkModel}); it is serializable for completeness.
 */
public final class SnapshotEntryModel implements SnapshotEntry, SnapshotEntryBuilder, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    private long index;
    private int term;
    private List<SnapshotChunk> chunks = new ArrayList<>();
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
        return chunks;
    }

    @Override
    public int getSnapshotChunkCount() {
        return chunks.size();
    }

    @Override
    public RaftGroupMembersView getGroupMembersView() {
        return groupMembersView;
    }

    @Override
    public SnapshotEntryBuilder setIndex(long index) {
        this.index = index;
        return this;
    }

    @Override
    public SnapshotEntryBuilder setTerm(int term) {
        this.term = term;
        return this;
    }

    @Override
    public SnapshotEntryBuilder setSnapshotChunks(List<SnapshotChunk> snapshotChunks) {
        this.chunks = snapshotChunks;
        return this;
    }

    @Override
    public SnapshotEntryBuilder setGroupMembersView(RaftGroupMembersView groupMembersView) {
        this.groupMembersView = groupMembersView;
        return this;
    }

    @Override
    public SnapshotEntry build() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.SNAPSHOT_ENTRY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(index);
        out.writeInt(term);
        out.writeInt(chunks.size());
        for (SnapshotChunk chunk : chunks) {
            ((SnapshotChunkModel) chunk).writeData(out);
        }
        RaftIO.writeMembersView(out, groupMembersView);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        index = in.readLong();
        term = in.readInt();
        int size = in.readInt();
        chunks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            SnapshotChunkModel chunk = new SnapshotChunkModel();
            chunk.readData(in);
            chunks.add(chunk);
        }
        groupMembersView = RaftIO.readMembersView(in);
    }

    @Override
    public String toString() {
        return "SnapshotEntry{index=" + index + ", term=" + term + ", chunks=" + chunks.size() + "}";
    }
}
