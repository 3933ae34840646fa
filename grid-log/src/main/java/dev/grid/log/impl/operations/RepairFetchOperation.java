package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * Sent by a partition's owner that is rebuilding its log to one of its synchronous backups: the backup's batches from
 * {@code fromOffset} on (about {@code maxBytes}), with its start and end offsets; a {@link RepairFetchResponse}. The
 * batches are checked by CRC32C when the answer is read. Invoked with the backup's replica index, so Hazelcast refuses
 * it on a member that no longer holds that replica. Reads only: a backup whose own files fail the read cuts them and
 * answers with the error.
 */
public final class RepairFetchOperation extends LogOperation {
    private long fromOffset;
    private int maxBytes;
    private transient RepairFetchResponse response;

    public RepairFetchOperation() {
    }

    public RepairFetchOperation(TopicMeta topic, int logPartition, long fromOffset, int maxBytes) {
        super(topic, logPartition);
        this.fromOffset = fromOffset;
        this.maxBytes = maxBytes;
    }

    @Override
    public void run() {
        response = service().serveRepairFetch(topic, logPartition, fromOffset, maxBytes);
    }

    @Override
    public Object getResponse() {
        return response;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.REPAIR_FETCH;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(fromOffset);
        out.writeInt(maxBytes);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        fromOffset = in.readLong();
        maxBytes = in.readInt();
    }
}
