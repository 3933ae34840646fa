package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.storage.LogBatch;

import java.io.IOException;
import java.util.List;

/**
 * A read's answer: the partition's start offset and high watermark, and whole batches as stored (the reader checks
 * their CRC32C and keeps the records it asked for), so the owner never decodes records to serve them.
 */
public final class ReadResponse implements IdentifiedDataSerializable {
    private long startOffset;
    private long highWatermark;
    private List<LogBatch> batches;
    private long nextOffset = -1;

    public ReadResponse() {
    }

    public ReadResponse(long startOffset, long highWatermark, List<LogBatch> batches) {
        this.startOffset = startOffset;
        this.highWatermark = highWatermark;
        this.batches = batches;
    }

    /** @return the answer to a read on the owner */
    public static ReadResponse of(dev.grid.log.impl.replica.PartitionLog.ReadResult result) {
        ReadResponse response = new ReadResponse(result.startOffset(), result.highWatermark(), result.batches());
        response.nextOffset = result.nextOffset();
        return response;
    }

    /** @return the offset after the last batch the owner looked at, kept or skipped (markers, aborted records); -1 if none */
    public long nextOffset() {
        return nextOffset;
    }

    public long startOffset() {
        return startOffset;
    }

    public long highWatermark() {
        return highWatermark;
    }

    public List<LogBatch> batches() {
        return batches;
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.READ_RESPONSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(startOffset);
        out.writeLong(highWatermark);
        RecordsIO.writeBatches(out, batches);
        out.writeLong(nextOffset);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        startOffset = in.readLong();
        highWatermark = in.readLong();
        batches = RecordsIO.readBatches(in);
        nextOffset = in.readLong();
    }
}
