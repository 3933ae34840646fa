package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.replica.EpochHistory;
import dev.grid.log.impl.replica.ProducerStates;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One chunk of a log partition copied to a new replica when its cluster partition migrates or gets a new backup. The
 * first chunk of a partition resets the receiving replica to the source's start offset, epochs, high watermark and
 * producer states; every chunk then carries the next batches (about 1 MiB), appended where the copy ends.
 */
public final class MigrationChunkOperation extends LogOperation {
    private boolean first;
    private boolean last;
    private long startOffset;
    private int epoch;
    private EpochHistory history = EpochHistory.EMPTY;
    private long highWatermark;
    private List<Map.Entry<Long, ProducerStates.Placement>> producers = List.of();
    private List<LogBatch> batches = List.of();

    public MigrationChunkOperation() {
    }

    public static MigrationChunkOperation first(TopicMeta topic, int logPartition, long startOffset, int epoch, EpochHistory history,
                                                long highWatermark, List<Map.Entry<Long, ProducerStates.Placement>> producers) {
        MigrationChunkOperation op = new MigrationChunkOperation(topic, logPartition);
        op.first = true;
        op.startOffset = startOffset;
        op.epoch = epoch;
        op.history = history;
        op.highWatermark = highWatermark;
        op.producers = producers;
        return op;
    }

    public static MigrationChunkOperation batches(TopicMeta topic, int logPartition, List<LogBatch> batches, boolean last) {
        MigrationChunkOperation op = new MigrationChunkOperation(topic, logPartition);
        op.batches = batches;
        op.last = last;
        return op;
    }

    private MigrationChunkOperation(TopicMeta topic, int logPartition) {
        super(topic, logPartition);
    }

    /** Marks the chunk as its partition's last. */
    public MigrationChunkOperation markLast() {
        last = true;
        return this;
    }

    @Override
    public void run() {
        service().applyMigrationChunk(topic, logPartition, getPartitionId(), this);
    }

    public boolean isFirst() {
        return first;
    }

    public boolean isLast() {
        return last;
    }

    public long startOffset() {
        return startOffset;
    }

    public int epoch() {
        return epoch;
    }

    public EpochHistory history() {
        return history;
    }

    public long highWatermark() {
        return highWatermark;
    }

    public List<Map.Entry<Long, ProducerStates.Placement>> producers() {
        return producers;
    }

    public List<LogBatch> batches() {
        return batches;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.MIGRATION_CHUNK;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeBoolean(first);
        out.writeBoolean(last);
        if (first) {
            out.writeLong(startOffset);
            out.writeInt(epoch);
            out.writeIntArray(history.epochs());
            out.writeLongArray(history.startOffsets());
            out.writeLong(highWatermark);
            out.writeInt(producers.size());
            for (Map.Entry<Long, ProducerStates.Placement> p : producers) {
                out.writeLong(p.getKey());
                out.writeInt(p.getValue().sequence());
                out.writeLong(p.getValue().baseOffset());
                out.writeInt(p.getValue().count());
                out.writeLong(p.getValue().appendTime());
            }
        }
        RecordsIO.writeBatches(out, batches);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        first = in.readBoolean();
        last = in.readBoolean();
        if (first) {
            startOffset = in.readLong();
            epoch = in.readInt();
            history = new EpochHistory(in.readIntArray(), in.readLongArray());
            highWatermark = in.readLong();
            int n = RecordsIO.count(in.readInt(), "producer states");
            List<Map.Entry<Long, ProducerStates.Placement>> read = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                read.add(Map.entry(id, new ProducerStates.Placement(in.readInt(), in.readLong(), in.readInt(), in.readLong())));
            }
            producers = read;
        }
        batches = RecordsIO.readBatches(in);
    }
}
