package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The committed offsets of one topic's partitions for a group: the answer to a fetch. */
final class CommittedOffsets implements IdentifiedDataSerializable {
    private Map<Integer, Long> offsets;

    CommittedOffsets() {
    }

    CommittedOffsets(Map<Integer, Long> offsets) {
        this.offsets = offsets;
    }

    /** @return partition to committed offset, for partitions that have one */
    Map<Integer, Long> offsets() {
        return offsets;
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.COMMITTED_OFFSETS;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(offsets.size());
        for (Map.Entry<Integer, Long> entry : new TreeMap<>(offsets).entrySet()) {
            out.writeInt(entry.getKey());
            out.writeLong(entry.getValue());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int n = GroupIO.count(in.readInt());
        offsets = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            offsets.put(in.readInt(), in.readLong());
        }
    }
}
