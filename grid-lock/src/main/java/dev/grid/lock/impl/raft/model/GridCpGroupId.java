package dev.grid.lock.impl.raft.model;

import com.hazelcast.cp.CPGroupId;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.lock.impl.GridLockDataSerializerHook;

import java.io.IOException;
import java.util.Objects;

/**
 * The id of grid's CP group: a name ({@code default}: grid runs one group) and a random id drawn
 * when the group forms, so a group formed again after a full restart is never taken for the old one.
 */
public final class GridCpGroupId implements CPGroupId, IdentifiedDataSerializable {
    public static final String DEFAULT_NAME = "default";

    private String name;
    private long id;

    public GridCpGroupId() {
    }

    public GridCpGroupId(String name, long id) {
        this.name = Objects.requireNonNull(name, "name");
        this.id = id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public int getFactoryId() {
        return GridLockDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLockDataSerializerHook.GROUP_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeLong(id);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        id = in.readLong();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridCpGroupId && ((GridCpGroupId) o).id == id && ((GridCpGroupId) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CpGroup[" + name + ", id=" + Long.toHexString(id) + "]";
    }
}
