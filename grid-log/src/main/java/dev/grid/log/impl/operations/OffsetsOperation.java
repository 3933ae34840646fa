package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.invoke.ClientRoutable;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * A partition's offsets on its owner, as {@code long[]{start, highWatermark, end, sizeBytes, segments, offsetForTimestamp}}
 * (the last -1 when no timestamp was asked for or no record below the high watermark is that recent).
 */
public final class OffsetsOperation extends LogOperation implements ReadonlyOperation, ClientRoutable {
    public static final int START = 0;
    public static final int HIGH_WATERMARK = 1;
    public static final int END = 2;
    public static final int SIZE = 3;
    public static final int SEGMENTS = 4;
    public static final int FOR_TIMESTAMP = 5;

    private long timestamp;
    private transient long[] response;

    public OffsetsOperation() {
    }

    /** @param timestamp a timestamp to find the first offset at or after, or -1 */
    public OffsetsOperation(TopicMeta topic, int logPartition, long timestamp) {
        super(topic, logPartition);
        this.timestamp = timestamp;
    }

    @Override
    public void run() {
        response = service().offsets(topic, logPartition, getPartitionId(), timestamp);
    }

    @Override
    public Object getResponse() {
        return response;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.OFFSETS;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(timestamp);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        timestamp = in.readLong();
    }
}
