package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.impl.GridLogDataSerializerHook;

import java.io.IOException;

/** Where an appended batch went: its first offset, its record count, the append time, and whether it was a repeat. */
public final class AppendResponse implements IdentifiedDataSerializable {
    private long baseOffset;
    private int count;
    private long appendTime;
    private boolean duplicate;

    public AppendResponse() {
    }

    public AppendResponse(long baseOffset, int count, long appendTime, boolean duplicate) {
        this.baseOffset = baseOffset;
        this.count = count;
        this.appendTime = appendTime;
        this.duplicate = duplicate;
    }

    public long baseOffset() {
        return baseOffset;
    }

    public int count() {
        return count;
    }

    public long appendTime() {
        return appendTime;
    }

    public boolean duplicate() {
        return duplicate;
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.APPEND_RESPONSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(baseOffset);
        out.writeInt(count);
        out.writeLong(appendTime);
        out.writeBoolean(duplicate);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        baseOffset = in.readLong();
        count = in.readInt();
        appendTime = in.readLong();
        duplicate = in.readBoolean();
    }
}
