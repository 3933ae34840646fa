package dev.grid.lock.impl.raft;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;
import java.util.UUID;

/**
 * The answer of a member that could not serve a CP call (not the leader, not in the group, a Raft
 * hiccup): try again, at the leader it names if it knows one. Raft's own exceptions never cross
 * the wire; this does instead.
 */
public final class CpRedirect implements IdentifiedDataSerializable {
    private UUID leader;
    private String reason;

    public CpRedirect() {
    }

    public CpRedirect(UUID leader, String reason) {
        this.leader = leader;
        this.reason = reason;
    }

    /** @return the leader the answering member knows of, or null */
    public UUID leader() {
        return leader;
    }

    public String reason() {
        return reason;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.CP_REDIRECT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(leader != null);
        if (leader != null) {
            UUIDSerializationUtil.writeUUID(out, leader);
        }
        out.writeString(reason);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        leader = in.readBoolean() ? UUIDSerializationUtil.readUUID(in) : null;
        reason = in.readString();
    }

    @Override
    public String toString() {
        return "CpRedirect{leader=" + leader + ", reason=" + reason + "}";
    }
}
