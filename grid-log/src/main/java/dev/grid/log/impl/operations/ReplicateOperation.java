package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.replica.EpochHistory;
import dev.grid.log.impl.replica.FollowerState;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;
import java.util.List;

/**
 * Sent by a partition's owner to one backup replica: the owner's epoch and epoch history, start offset and high
 * watermark, and the batches the backup lacks. The backup answers with its log end ({@code long[]{accepted, epoch, end}}).
 * Invoked with the backup's replica index, so Hazelcast refuses it on a member that no longer holds that replica.
 */
public final class ReplicateOperation extends LogOperation {
    private PartitionLog.ReplicationRequest request;
    private transient FollowerState state;

    public ReplicateOperation() {
    }

    public ReplicateOperation(TopicMeta topic, int logPartition, PartitionLog.ReplicationRequest request) {
        super(topic, logPartition);
        this.request = request;
    }

    @Override
    public void run() {
        state = service().applyFromOwner(topic, logPartition, getPartitionId(), request);
    }

    @Override
    public Object getResponse() {
        return new long[] {state.accepted() ? 1 : 0, state.epoch(), state.endOffset()};
    }

    /** @return the backup's answer decoded from {@link #getResponse()} */
    public static FollowerState decode(Object response) {
        long[] a = (long[]) response;
        return new FollowerState(a[0] == 1, (int) a[1], a[2]);
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.REPLICATE;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeInt(request.epoch());
        out.writeIntArray(request.history().epochs());
        out.writeLongArray(request.history().startOffsets());
        out.writeLong(request.ownerStartOffset());
        out.writeLong(request.ownerHighWatermark());
        RecordsIO.writeBatches(out, request.batches());
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        int epoch = in.readInt();
        EpochHistory history = new EpochHistory(in.readIntArray(), in.readLongArray());
        long start = in.readLong();
        long hw = in.readLong();
        List<LogBatch> batches = RecordsIO.readBatches(in);
        request = new PartitionLog.ReplicationRequest(epoch, history, start, hw, batches);
    }
}
