package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.io.IOException;
import java.util.Map;

/** Answers a group's committed offsets of one topic ({@link CommittedOffsets}). */
final class FetchOffsetsOperation extends GroupOperation implements ReadonlyOperation, ClientRoutable {
    private String topic;
    private transient Map<Integer, Long> offsets;

    FetchOffsetsOperation() {
    }

    FetchOffsetsOperation(String group, String topic) {
        super(group);
        this.topic = topic;
    }

    @Override
    public void run() {
        GroupRecord record = service().recordOrNull(getPartitionId(), group);
        offsets = record == null ? Map.of() : record.offsets(topic);
    }

    @Override
    public Object getResponse() {
        return new CommittedOffsets(offsets);
    }

    @Override
    public int getClassId() {
        return GroupSerialization.FETCH_OFFSETS;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeString(topic);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        topic = in.readString();
    }
}
