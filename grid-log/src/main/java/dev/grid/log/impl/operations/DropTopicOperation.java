package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.GridLogService;

import java.io.IOException;
import java.util.UUID;

/** Sent to every member when a topic is deleted: drops its replicas there and remembers the incarnation as deleted. */
public final class DropTopicOperation extends Operation implements IdentifiedDataSerializable {
    private String topic;
    private UUID incarnation;

    public DropTopicOperation() {
    }

    public DropTopicOperation(String topic, UUID incarnation) {
        this.topic = topic;
        this.incarnation = incarnation;
    }

    @Override
    public void run() {
        ((GridLogService) getService()).dropTopic(topic, incarnation);
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
    public int getClassId() {
        return GridLogDataSerializerHook.DROP_TOPIC;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeString(topic);
        out.writeLong(incarnation.getMostSignificantBits());
        out.writeLong(incarnation.getLeastSignificantBits());
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        topic = in.readString();
        incarnation = new UUID(in.readLong(), in.readLong());
    }
}
