package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.PartitionAwareOperation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every group record of a cluster partition, sent to a new replica by migration or backup resynchronisation: it
 * replaces what the receiver held for that partition.
 */
final class GroupReplicationOperation extends Operation implements PartitionAwareOperation, IdentifiedDataSerializable {
    private List<GroupRecord> records;

    GroupReplicationOperation() {
    }

    GroupReplicationOperation(List<GroupRecord> records) {
        this.records = records;
    }

    @Override
    public void run() {
        GroupService service = getNodeEngine().getService(GroupService.SERVICE_NAME);
        service.replaceRecords(getPartitionId(), records);
    }

    @Override
    public String getServiceName() {
        return GroupService.SERVICE_NAME;
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.REPLICATION;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeInt(records.size());
        for (GroupRecord record : records) {
            record.writeData(out);
        }
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        int n = GroupIO.count(in.readInt());
        records = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            GroupRecord record = new GroupRecord();
            record.readData(in);
            records.add(record);
        }
    }
}
