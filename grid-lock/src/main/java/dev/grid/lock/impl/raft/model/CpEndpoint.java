package dev.grid.lock.impl.raft.model;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;
import io.microraft.RaftEndpoint;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

/**
 * A member of the CP group, identified by its Hazelcast member UUID and never by its address: a
 * member that replaces a dead one may reuse the address, and must not be taken for it.
 */
public final class CpEndpoint implements RaftEndpoint, IdentifiedDataSerializable {
    private UUID uuid;

    public CpEndpoint() {
    }

    private CpEndpoint(UUID uuid) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
    }

    public static CpEndpoint of(UUID uuid) {
        return new CpEndpoint(uuid);
    }

    /** @return the Hazelcast member UUID */
    public UUID uuid() {
        return uuid;
    }

    @Override
    public Object getId() {
        return uuid;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.ENDPOINT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        UUIDSerializationUtil.writeUUID(out, uuid);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        uuid = UUIDSerializationUtil.readUUID(in);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpEndpoint && ((CpEndpoint) o).uuid.equals(uuid);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "CpEndpoint[" + uuid + "]";
    }
}
