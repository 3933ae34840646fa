package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.storage.LogBatch;

import java.io.IOException;
import java.util.List;

/**
 * A backup's answer to a {@link RepairFetchOperation}: its log's start and end offsets and whole batches from the
 * offset asked for (none if it has no replica of the partition: start and end -1). Each batch is checked (length,
 * CRC32C, layout) when the answer is read on the owner.
 */
public final class RepairFetchResponse implements IdentifiedDataSerializable {
    private long startOffset;
    private long endOffset;
    private List<LogBatch> batches = List.of();

    public RepairFetchResponse() {
    }

    public RepairFetchResponse(long startOffset, long endOffset, List<LogBatch> batches) {
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.batches = batches;
    }

    /** @return the backup's start offset, -1 if it has no replica */
    public long startOffset() {
        return startOffset;
    }

    /** @return the backup's log end offset, -1 if it has no replica */
    public long endOffset() {
        return endOffset;
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
        return GridLogDataSerializerHook.REPAIR_FETCH_RESPONSE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(startOffset);
        out.writeLong(endOffset);
        RecordsIO.writeBatches(out, batches);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        startOffset = in.readLong();
        endOffset = in.readLong();
        batches = RecordsIO.readBatches(in);
    }
}
