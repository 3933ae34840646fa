package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * Rolls a transaction back in one log partition, on its owner: writes its abort marker if its records are stored
 * there (read_committed readers then skip them for ever), else notes the abort so a late prepare is refused. Answers
 * {@code true} when the synchronous backups hold the marker; safe to send again.
 *
 * <p>Marked {@link ReadonlyOperation} although it writes: it is idempotent, and the mark is what makes Hazelcast's
 * invocation send it again to the new owner when the owner dies while running it, instead of failing it with an
 * {@code IndeterminateOperationStateException} (grid turns that on for writes), which a transaction's commit would
 * only log, leaving the partition undecided until the transaction's timeout aborts it.
 * The mark would also let it run while its partition migrates, which {@link MigrationGuard} refuses.
 */
public final class TxnAbortOperation extends LogOperation implements ReadonlyOperation {
    private long producerId;

    public TxnAbortOperation() {
    }

    public TxnAbortOperation(TopicMeta topic, int logPartition, long producerId) {
        super(topic, logPartition);
        this.producerId = producerId;
    }

    @Override
    public void beforeRun() {
        MigrationGuard.refuseWhileMigrating(this);
    }

    @Override
    public CallStatus call() {
        try {
            service().abortTransactional(this, producerId);
        } catch (RuntimeException | Error e) {
            sendResponse(e);
        }
        return CallStatus.VOID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TXN_ABORT;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(producerId);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        producerId = in.readLong();
    }
}
