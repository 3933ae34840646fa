package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.NamedOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.PartitionAwareOperation;
import dev.grid.log.LogException;

import java.io.IOException;

/** What every consumer group operation has: the group's name, the service, the factory id. Runs on the group's partition thread. */
abstract class GroupOperation extends Operation implements PartitionAwareOperation, NamedOperation, IdentifiedDataSerializable {
    protected String group;

    GroupOperation() {
    }

    GroupOperation(String group) {
        this.group = group;
    }

    @Override
    public final String getServiceName() {
        return GroupService.SERVICE_NAME;
    }

    @Override
    public final String getName() {
        return group;
    }

    @Override
    public final int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    /**
     * Makes the group service this operation's service even when the invoker named another (grid-log's invokers name
     * grid-log's partition service): Hazelcast's backup handling asks the operation for its service.
     */
    @Override
    public void beforeRun() {
        setService(service());
    }

    /** @return the group service, whatever service name the invoker set on the operation */
    final GroupService service() {
        return getNodeEngine().getService(GroupService.SERVICE_NAME);
    }

    /** Refusals (a commit of a partition not held, a bad argument) go back to the caller; the member logs them at fine level only. */
    @Override
    public void logError(Throwable e) {
        if (e instanceof LogException || e instanceof IllegalArgumentException) {
            getLogger().fine("consumer group '" + group + "' refused " + getClass().getSimpleName() + ": " + e.getMessage());
        } else {
            super.logError(e);
        }
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeString(group);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        group = in.readString();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", group=").append(group);
    }
}
