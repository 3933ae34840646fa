package dev.grid.lock.impl.raft.model;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.MembershipChangeMode;
import io.microraft.RaftEndpoint;
import io.microraft.model.groupop.UpdateRaftGroupMembersOp;
import io.microraft.model.groupop.UpdateRaftGroupMembersOp.UpdateRaftGroupMembersOpBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The log entry of a membership change: the new member lists and the change that led to them. */
public final class UpdateGroupMembersOpModel implements UpdateRaftGroupMembersOp, UpdateRaftGroupMembersOpBuilder,
        IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;
    private static final MembershipChangeMode[] MODES = MembershipChangeMode.values();

    private List<RaftEndpoint> members = new ArrayList<>();
    private List<RaftEndpoint> votingMembers = new ArrayList<>();
    private RaftEndpoint endpoint;
    private MembershipChangeMode mode;

    @Override
    public Collection<RaftEndpoint> getMembers() {
        return members;
    }

    @Override
    public Collection<RaftEndpoint> getVotingMembers() {
        return votingMembers;
    }

    @Override
    public RaftEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public MembershipChangeMode getMode() {
        return mode;
    }

    @Override
    public UpdateRaftGroupMembersOpBuilder setMembers(Collection<RaftEndpoint> members) {
        this.members = new ArrayList<>(members);
        return this;
    }

    @Override
    public UpdateRaftGroupMembersOpBuilder setVotingMembers(Collection<RaftEndpoint> votingMembers) {
        this.votingMembers = new ArrayList<>(votingMembers);
        return this;
    }

    @Override
    public UpdateRaftGroupMembersOpBuilder setEndpoint(RaftEndpoint endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    @Override
    public UpdateRaftGroupMembersOpBuilder setMode(MembershipChangeMode mode) {
        this.mode = mode;
        return this;
    }

    @Override
    public UpdateRaftGroupMembersOp build() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.UPDATE_GROUP_MEMBERS_OP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        RaftIO.writeEndpoints(out, members);
        RaftIO.writeEndpoints(out, votingMembers);
        RaftIO.writeEndpoint(out, endpoint);
        out.writeByte(mode.ordinal());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        members = RaftIO.readEndpoints(in);
        votingMembers = RaftIO.readEndpoints(in);
        endpoint = RaftIO.readEndpoint(in);
        int ordinal = in.readByte();
        if (ordinal < 0 || ordinal >= MODES.length) {
            throw new IOException("unknown membership change mode " + ordinal);
        }
        mode = MODES[ordinal];
    }

    @Override
    public String toString() {
        return "UpdateGroupMembers{" + mode + " " + endpoint + ", members=" + members + ", voting=" + votingMembers + "}";
    }
}
