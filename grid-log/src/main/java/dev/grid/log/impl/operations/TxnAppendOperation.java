package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.CallStatus;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.log.impl.GridLogDataSerializerHook;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.topic.TopicMeta;

import java.io.IOException;

/**
 * A transaction's records for one log partition, on its owner: stored once as one batch marked with the transaction
 * (its prepare), and with {@code commit} followed by the transaction's commit marker (its commit; a one-phase commit
 * stores both at once). Answers {@code true} when the synchronous backups hold them; safe to send again (a retry after
 * the owner died finds what the promoted backup holds).
 *
 * <p>Marked {@link ReadonlyOperation} although it writes: it is idempotent, and the mark is what makes Hazelcast's
 * invocation send it again to the new owner when the owner dies while running it, instead of failing it with an
 * {@code IndeterminateOperationStateException} (grid turns that on for writes), which a transaction's commit would
 * only log, leaving the partition undecided until the transaction's timeout aborts it. The mark would also let it run
 * while its partition migrates, which {@link MigrationGuard} refuses.
 */
public final class TxnAppendOperation extends LogOperation implements ReadonlyOperation {
    private long producerId;
    private int recordsSequence;
    private boolean commit;
    private byte[] draft;

    public TxnAppendOperation() {
    }

    /** @param draft the records as a {@link BatchDraft} the operation owns from now on */
    public TxnAppendOperation(TopicMeta topic, int logPartition, long producerId, int recordsSequence, byte[] draft, boolean commit) {
        super(topic, logPartition);
        this.producerId = producerId;
        this.recordsSequence = recordsSequence;
        this.draft = draft;
        this.commit = commit;
    }

    @Override
    public void beforeRun() {
        MigrationGuard.refuseWhileMigrating(this);
    }

    @Override
    public CallStatus call() {
        try {
            // the draft is completed in place by the owner: a retry of this operation object must send the original
            service().appendTransactional(this, producerId, recordsSequence, draft.clone(), commit);
        } catch (RuntimeException | Error e) {
            sendResponse(e);
        }
        return CallStatus.VOID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TXN_APPEND;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        out.writeLong(producerId);
        out.writeInt(recordsSequence);
        out.writeBoolean(commit);
        out.writeInt(draft.length);
        out.write(draft);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        producerId = in.readLong();
        recordsSequence = in.readInt();
        commit = in.readBoolean();
        int length = in.readInt();
        if (length < 0 || length > AppendOperation.MAX_BATCH_BYTES) {
            throw new IOException("a transactional append carries a batch of " + length + " bytes, not 0 to " + AppendOperation.MAX_BATCH_BYTES);
        }
        draft = new byte[length];
        in.readFully(draft);
    }
}
