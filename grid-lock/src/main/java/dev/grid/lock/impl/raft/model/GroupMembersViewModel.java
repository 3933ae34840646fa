package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.RaftGroupMembersView.RaftGroupMembersViewBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The members (voting and learners) of the group as of a log index. */
public final class GroupMembersViewModel implements RaftGroupMembersView, RaftGroupMembersViewBuilder, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    private long logIndex;
    private List<RaftEndpoint> members = new ArrayList<>();
    private List<RaftEndpoint> votingMembers = new ArrayList<>();

    @Override
    public long getLogIndex() {
        return logIndex;
    }

    @Override
    public Collection<RaftEndpoint> getMembers() {
        return members;
    }

    @Override
    public Collection<RaftEndpoint> getVotingMembers() {
        return votingMembers;
    }

    @Override
    public RaftGroupMembersViewBuilder setLogIndex(long logIndex) {
        this.logIndex = logIndex;
        return this;
    }

    @Override
    public RaftGroupMembersViewBuilder setMembers(Collection<RaftEndpoint> members) {
        this.members = new ArrayList<>(members);
        return this;
    }

    @Override
    public RaftGroupMembersViewBuilder setVotingMembers(Collection<RaftEndpoint> votingMembers) {
        this.votingMembers = new ArrayList<>(votingMembers);
        return this;
    }

    @Override
    public RaftGroupMembersView build() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.GROUP_MEMBERS_VIEW;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(logIndex);
        RaftIO.writeEndpoints(out, members);
        RaftIO.writeEndpoints(out, votingMembers);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        logIndex = in.readLong();
        members = RaftIO.readEndpoints(in);
        votingMembers = RaftIO.readEndpoints(in);
    }

    @Override
    public String toString() {
        return "GroupMembersView{logIndex=" + logIndex + ", members=" + members + ", voting=" + votingMembers + "}";
    }
}
