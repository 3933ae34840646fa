package dev.grid.log.impl.group;

import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.invoke.ClientRoutable;

import java.util.List;

/** Answers a group's members as its coordinator sees them ({@link GroupDescription}); empty if it has no coordinator here. */
final class DescribeGroupOperation extends GroupOperation implements ReadonlyOperation, ClientRoutable {
    private transient List<GroupMemberInfo> members;

    DescribeGroupOperation() {
    }

    DescribeGroupOperation(String group) {
        super(group);
    }

    @Override
    public void run() {
        GroupService service = service();
        GroupCoordinator coordinator = service.coordinatorOrNull(getPartitionId(), group);
        members = coordinator == null ? List.of() : coordinator.describe(service.now());
    }

    @Override
    public Object getResponse() {
        return new GroupDescription(members);
    }

    @Override
    public int getClassId() {
        return GroupSerialization.DESCRIBE;
    }
}
