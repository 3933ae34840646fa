package dev.grid.log.impl.topic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.impl.GridLogDataSerializerHook;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * A topic as the cluster keeps it: its settings and its incarnation, a random id given when it was
 * created. Operations carry the incarnation, so a replica left over from a deleted topic of the same name
 * is never mistaken for the new topic's.
 */
public final class TopicMeta implements IdentifiedDataSerializable {
    private GridTopicConfig config;
    private UUID incarnation;
    private long createdMillis;

    public TopicMeta() {
    }

    public TopicMeta(GridTopicConfig config, UUID incarnation, long createdMillis) {
        this.config = config.copy().validate();
        this.incarnation = incarnation;
        this.createdMillis = createdMillis;
    }

    public String name() {
        return config.getName();
    }

    public int partitions() {
        return config.getPartitions();
    }

    /** @return a copy of the settings */
    public GridTopicConfig config() {
        return config.copy();
    }

    public UUID incarnation() {
        return incarnation;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public boolean logAppendTime() {
        return config.getTimestampType() == GridTopicConfig.TimestampType.LOG_APPEND_TIME;
    }

    public int maxRecordBytes() {
        return config.getMaxRecordBytes();
    }

    public int segmentBytes() {
        return config.getSegmentBytes();
    }

    public long retentionBytes() {
        return config.getRetentionBytes();
    }

    public Duration retention() {
        return config.getRetention();
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TOPIC_META;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(config.getName());
        out.writeInt(config.getPartitions());
        out.writeLong(config.getRetention().toMillis());
        out.writeLong(config.getRetentionBytes());
        out.writeInt(config.getSegmentBytes());
        out.writeInt(config.getMaxRecordBytes());
        out.writeByte(config.getTimestampType().ordinal());
        out.writeLong(incarnation.getMostSignificantBits());
        out.writeLong(incarnation.getLeastSignificantBits());
        out.writeLong(createdMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        GridTopicConfig c = new GridTopicConfig(in.readString());
        c.setPartitions(in.readInt());
        c.setRetention(Duration.ofMillis(in.readLong()));
        c.setRetentionBytes(in.readLong());
        c.setSegmentBytes(in.readInt());
        c.setMaxRecordBytes(in.readInt());
        c.setTimestampType(GridTopicConfig.TimestampType.values()[in.readByte()]);
        config = c;
        incarnation = new UUID(in.readLong(), in.readLong());
        createdMillis = in.readLong();
    }

    @Override
    public String toString() {
        return config + " incarnation " + incarnation;
    }
}
