package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.invoke.ClientRoutable;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * Reads a partition on its owner: whole batches from the one holding {@code fromOffset} up to the high watermark and
 * about {@code maxBytes}; when there is none yet, waits up to {@code maxWaitMillis} for one without holding a thread.
 * Answers with a {@link ReadResponse}.
 */
public final class ReadOperation extends LogOperation implements ReadonlyOperation, ClientRoutable {
    private long fromOffset;
    private int maxBytes;
    private long maxWaitMillis;
    private boolean readCommitted;

    public ReadOperation() {
    }

    public ReadOperation(TopicMeta topic, int logPartition, long fromOffset, int maxBytes, long maxWaitMillis) {
        super(topic, logPartition);
        this.fromOffset = fromOffset;
        this.maxBytes = maxBytes;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** A read that sees only committed transactions' records, up to the last stable offset. */
    public ReadOperation readCommitted(boolean readCommitted) {
        this.readCommitted = readCommitted;
        return this;
    }

    @Override
    public CallStatus call() {
        try {
            service().read(this, fromOffset, maxBytes, maxWaitMillis, readCommitted);
        } catch (RuntimeException | Error e) {
            // the answer is sent by the service (call() returns VOID), so failures are answered here too
            sendResponse(e);
        }
        return CallStatus.VOID;
    }


    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.READ;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(fromOffset);
        out.writeInt(maxBytes);
        out.writeLong(maxWaitMillis);
        out.writeBoolean(readCommitted);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        fromOffset = in.readLong();
        maxBytes = in.readInt();
        maxWaitMillis = in.readLong();
        readCommitted = in.readBoolean();
    }
}
