package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.PartitionAwareOperation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * What every operation on one log partition shares: the topic (with its settings and incarnation, so the owner
 * can create the partition's replica on first use) and the partition's index. Runs on the cluster partition's thread.
 */
public abstract class LogOperation extends Operation implements PartitionAwareOperation, IdentifiedDataSerializable {
    protected TopicMeta topic;
    protected int logPartition;

    protected LogOperation() {
    }

    protected LogOperation(TopicMeta topic, int logPartition) {
        this.topic = topic;
        this.logPartition = logPartition;
    }

    protected GridLogService service() {
        return getService();
    }

    public TopicMeta topic() {
        return topic;
    }

    public int logPartition() {
        return logPartition;
    }

    @Override
    public String getServiceName() {
        return GridLogService.SERVICE_NAME;
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeObject(topic);
        out.writeInt(logPartition);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        topic = in.readObject();
        logPartition = in.readInt();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", log=").append(topic == null ? "?" : topic.name()).append('-').append(logPartition);
    }
}
