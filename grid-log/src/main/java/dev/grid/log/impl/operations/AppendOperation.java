package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.invoke.ClientRoutable;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * Appends a producer's batch on the partition's owner and answers once the synchronous backups hold it (or at
 * once with {@code acks=OWNER}); the answer is an {@link AppendResponse}. Safe to send again with the same producer
 * id and sequence: the owner answers a batch it stored before with where it went.
 */
public final class AppendOperation extends LogOperation implements ClientRoutable {
    /** The largest batch an append may carry: a producer's largest ({@code batchBytes} up to 16 MiB of records), and its header. */
    static final int MAX_BATCH_BYTES = (16 << 20) + 4096;
    private long producerId;
    private int sequence;
    private boolean acksAll;
    /** The producer's {@link BatchDraft}: records in the stored layout, completed by the owner. */
    private byte[] batch;

    public AppendOperation() {
    }

    /** @param batch a {@link BatchDraft#toBytes} the operation owns from now on (the owner completes it in place) */
    public AppendOperation(TopicMeta topic, int logPartition, long producerId, int sequence, boolean acksAll, byte[] batch) {
        super(topic, logPartition);
        this.producerId = producerId;
        this.sequence = sequence;
        this.acksAll = acksAll;
        this.batch = batch;
    }

    /** @return the producer's id, or -1 for a producer that is not idempotent */
    public long producerId() {
        return producerId;
    }

    /** @return the batch's sequence number under {@link #producerId()} */
    public int sequence() {
        return sequence;
    }

    @Override
    public CallStatus call() {
        try {
            service().append(this, producerId, sequence, acksAll, batch);
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
        out.writeInt(batch.length);
        out.write(batch);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        producerId = in.readLong();
        sequence = in.readInt();
        acksAll = in.readBoolean();
        int length = in.readInt();
        if (length < 0 || length > MAX_BATCH_BYTES) {
            throw new IOException("an append carries a batch of " + length + " bytes, not 0 to " + MAX_BATCH_BYTES);
        }
        batch = new byte[length];
        in.readFully(batch);
    }
}
