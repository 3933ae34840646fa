package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.invoke.ClientRoutable;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;
import java.util.List;

/**
 * Appends a producer's batch on the partition's owner and answers once the synchronous backups hold it (or at
 * once with {@code acks=OWNER}); the answer is an {@link AppendResponse}. Safe to send again with the same producer
 * id and sequence: the owner answers a batch it stored before with where it went.
 */
public final class AppendOperation extends LogOperation implements ClientRoutable {
    private long producerId;
    private int sequence;
    private boolean acksAll;
    private List<LogRecord> records;

    public AppendOperation() {
    }

    public AppendOperation(TopicMeta topic, int logPartition, long producerId, int sequence, boolean acksAll, List<LogRecord> records) {
        super(topic, logPartition);
        this.producerId = producerId;
        this.sequence = sequence;
        this.acksAll = acksAll;
        this.records = records;
    }

    @Override
    public CallStatus call() {
        try {
            service().append(this, producerId, sequence, acksAll, records);
        } catch (RuntimeException | Error e) {
            // the answer is sent by the service (call() returns VOID), so failures are answered here too
            sendResponse(e);
        }
        return CallStatus.VOID;
    }


    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.APPEND;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(producerId);
        out.writeInt(sequence);
        out.writeBoolean(acksAll);
        RecordsIO.write(out, records);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        producerId = in.readLong();
        sequence = in.readInt();
        acksAll = in.readBoolean();
        records = RecordsIO.read(in);
    }
}
