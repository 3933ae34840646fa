package dev.grid.lock.impl.raft;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import dev.grid.lock.impl.raft.model.GridCpGroupId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What every member knows about the CP group: its id, the members it was formed with (MicroRaft
 * needs them to start any node of the group, a replacement's included), and its current members
 * (voting ones and learners) as last published. Members route calls with it; a member listed in
 * {@link #members()} runs a Raft node. Immutable; a newer view (higher version) replaces an older one.
 */
public final class CpGroupView implements IdentifiedDataSerializable {
    private GridCpGroupId groupId;
    private List<UUID> initialMembers;
    private List<UUID> members;
    private List<UUID> votingMembers;
    private long version;

    public CpGroupView() {
    }

    public CpGroupView(GridCpGroupId groupId, List<UUID> initialMembers, Collection<UUID> members,
                       Collection<UUID> votingMembers, long version) {
        this.groupId = groupId;
        this.initialMembers = List.copyOf(initialMembers);
        this.members = List.copyOf(members);
        this.votingMembers = List.copyOf(votingMembers);
        this.version = version;
    }

    /** @return the view of a group just formed with these members */
    public static CpGroupView formed(GridCpGroupId groupId, List<UUID> initialMembers) {
        return new CpGroupView(groupId, initialMembers, initialMembers, initialMembers, 0);
    }

    public GridCpGroupId groupId() {
        return groupId;
    }

    public List<UUID> initialMembers() {
        return initialMembers;
    }

    /** @return voting members and learners */
    public List<UUID> members() {
        return members;
    }

    public List<UUID> votingMembers() {
        return votingMembers;
    }

    public long version() {
        return version;
    }

    public int majority() {
        return votingMembers.size() / 2 + 1;
    }

    /** @return true if this view should replace {@code current} (which may be null) */
    public boolean supersedes(CpGroupView current) {
        return current == null || (groupId.equals(current.groupId) && version >= current.version);
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.CP_GROUP_VIEW;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        groupId.writeData(out);
        writeUuids(out, initialMembers);
        writeUuids(out, members);
        writeUuids(out, votingMembers);
        out.writeLong(version);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        groupId = new GridCpGroupId();
        groupId.readData(in);
        initialMembers = readUuids(in);
        members = readUuids(in);
        votingMembers = readUuids(in);
        version = in.readLong();
    }

    private static void writeUuids(ObjectDataOutput out, List<UUID> uuids) throws IOException {
        out.writeInt(uuids.size());
        for (UUID uuid : uuids) {
            UUIDSerializationUtil.writeUUID(out, uuid);
        }
    }

    private static List<UUID> readUuids(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        List<UUID> uuids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            uuids.add(UUIDSerializationUtil.readUUID(in));
        }
        return List.copyOf(uuids);
    }

    @Override
    public String toString() {
        return "CpGroupView{" + groupId + ", version=" + version + ", voting=" + votingMembers + ", members=" + members
                + ", initial=" + initialMembers + "}";
    }
}
