package dev.grid.stream.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.BroadcastKey;
import com.hazelcast.jet.core.Inbox;
import com.hazelcast.jet.impl.util.Util;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.spi.MemberLog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static com.hazelcast.jet.core.BroadcastKey.broadcastKey;

/**
 * Appends each item's record to a log topic.
 *
 * <p><b>{@code EXACTLY_ONCE}</b>: Jet's two-phase snapshot commit over XA transactions of the log
 * ({@link LogSinkTransaction}). Items go into the active transaction; in phase 1 of a snapshot
 * ({@link #snapshotCommitPrepare}) the active transaction is prepared (its records stored, invisible to
 * {@code READ_COMMITTED} readers) and the ids of every prepared, uncommitted transaction are saved in the snapshot;
 * in phase 2 ({@link #snapshotCommitFinish}) they are committed if the snapshot succeeded, and kept for the next
 * snapshot if it failed. After a restart, the ids in the restored snapshot are committed again (Jet may have restarted
 * the job before phase 2; an id already committed is ignored), then every other prepared transaction of this job and
 * vertex from an earlier execution that this processor now answers for is rolled back: its items come again from the
 * sources, which restart from the same snapshot. A transaction that grows above {@link #MAX_TRANSACTION_BYTES} is
 * prepared early and committed with the next snapshot.
 *
 * <p><b>{@code AT_LEAST_ONCE}, {@code NONE}</b>: each inbox is appended in one one-phase transaction, committed at
 * once (a retried commit stores nothing twice); nothing waits for snapshots.
 *
 * <p>Not cooperative: prepares and commits wait for the partitions' owners.
 */
final class LogSinkP<T> extends AbstractProcessor {
    /** Bytes of keys and values in one transaction before it is prepared early (grid-log takes up to 16 MiB per partition). */
    static final long MAX_TRANSACTION_BYTES = 4L << 20;

    private final String topic;
    private final FunctionEx<? super T, ProducerRecord> recordFn;
    private final int timeoutSeconds;
    private HazelcastInstance hazelcast;
    private Context context;
    private boolean exactlyOnce;
    private LogSinkXa xa;
    private LogSinkTxnId template;
    private long sequence;
    private LogSinkTransaction active;
    /** Prepared, not yet in a snapshot (prepared early). */
    private final List<LogSinkTxnId> prepared = new ArrayList<>();
    /** Prepared and saved in the snapshot under way (or in one that failed): committed when a snapshot succeeds. */
    private final List<LogSinkTxnId> inSnapshot = new ArrayList<>();
    private final Deque<LogSinkTxnId> toSave = new ArrayDeque<>();
    private boolean snapshotInProgress;
    private boolean earlierRolledBack;

    LogSinkP(String topic, FunctionEx<? super T, ProducerRecord> recordFn, int timeoutSeconds) {
        this.topic = topic;
        this.recordFn = recordFn;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        this.context = context;
        hazelcast = context.hazelcastInstance();
        StreamErrors.checkTopic(MemberLog.of(hazelcast), topic, "sink");
        exactlyOnce = context.processingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE;
        xa = new LogSinkXa(hazelcast.getXAResource(), context.logger(), topic);
        template = new LogSinkTxnId(context.jobId(), context.executionId(), LogSinkTxnId.vertexHash(context.vertexName()),
                context.globalProcessorIndex(), 0);
    }

    @Override
    public boolean tryProcess() {
        if (exactlyOnce) {
            rollBackEarlierExecutions();
        }
        return true;
    }

    @Override
    public void process(int ordinal, Inbox inbox) {
        if (!exactlyOnce) {
            appendAndCommit(inbox);
            return;
        }
        rollBackEarlierExecutions();
        for (Object item; (item = inbox.poll()) != null; ) {
            ProducerRecord record = record(item);
            if (record == null) {
                continue;
            }
            if (active == null) {
                active = LogSinkTransaction.begin(Util.getNodeEngine(hazelcast), nextId(), timeoutSeconds);
            }
            try {
                active.send(record);
            } catch (RuntimeException e) {
                throw StreamErrors.failure("log sink: appending to topic '" + topic + "'", e);
            }
            if (active.bytes() >= MAX_TRANSACTION_BYTES) {
                prepareActive();
            }
        }
    }

    private LogSinkTxnId nextId() {
        return new LogSinkTxnId(template.jobId(), template.executionId(), template.vertexHash(), template.processorIndex(), sequence++);
    }

    @SuppressWarnings("unchecked")
    private ProducerRecord record(Object item) {
        ProducerRecord record = recordFn.apply((T) item);
        if (record != null && !record.topic().equals(topic)) {
            throw new IllegalArgumentException("log sink of topic '" + topic + "': the record function returned a record for topic '"
                    + record.topic() + "' (item " + item + ")");
        }
        return record;
    }

    /** {@code AT_LEAST_ONCE} and {@code NONE}: the inbox in one one-phase transaction, committed now. */
    private void appendAndCommit(Inbox inbox) {
        TransactionContext transaction = hazelcast.newTransactionContext(
                new TransactionOptions().setTransactionType(TransactionOptions.TransactionType.ONE_PHASE));
        transaction.beginTransaction();
        try {
            TransactionalGridLog log = TransactionalGridLog.in(transaction);
            for (Object item; (item = inbox.poll()) != null; ) {
                ProducerRecord record = record(item);
                if (record != null) {
                    log.send(record);
                }
            }
            transaction.commitTransaction();
        } catch (RuntimeException e) {
            try {
                transaction.rollbackTransaction();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw StreamErrors.failure("log sink: appending to topic '" + topic + "'", e);
        }
    }

    private void prepareActive() {
        if (active == null) {
            return;
        }
        LogSinkTransaction preparing = active;
        active = null;
        try {
            preparing.prepare();
        } catch (RuntimeException e) {
            try {
                preparing.rollback(); // the partitions that stored the records write abort markers
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw StreamErrors.failure("log sink of topic '" + topic + "': preparing " + preparing.id(), e);
        }
        prepared.add(preparing.id());
    }

    @Override
    public boolean snapshotCommitPrepare() {
        if (!exactlyOnce) {
            return true;
        }
        rollBackEarlierExecutions();
        if (!snapshotInProgress) {
            prepareActive();
            inSnapshot.addAll(prepared);
            prepared.clear();
            toSave.addAll(inSnapshot);
            snapshotInProgress = true;
        }
        for (LogSinkTxnId id; (id = toSave.peek()) != null; toSave.remove()) {
            if (!tryEmitToSnapshot(broadcastKey(id), Boolean.TRUE)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean snapshotCommitFinish(boolean success) {
        if (!exactlyOnce) {
            return true;
        }
        snapshotInProgress = false;
        if (success) {
            while (!inSnapshot.isEmpty()) {
                xa.commit(inSnapshot.get(0));
                inSnapshot.remove(0);
            }
        }
        return true;
    }

    /** Commits the transactions of the restored snapshot this processor answers for (their processor index modulo the parallelism). */
    @Override
    protected void restoreFromSnapshot(Object key, Object value) {
        @SuppressWarnings("unchecked")
        LogSinkTxnId id = ((BroadcastKey<LogSinkTxnId>) key).key();
        if (exactlyOnce && answersFor(id)) {
            xa.commit(id);
        }
    }

    private boolean answersFor(LogSinkTxnId id) {
        return id.processorIndex() % context.totalParallelism() == context.globalProcessorIndex();
    }

    /**
     * Once, after the restore (Jet restores before it calls anything else): rolls back the prepared transactions of this
     * job's sink from earlier executions that this processor answers for. Those of the restored snapshot are committed
     * by then; the others were prepared after it, and their items come again.
     */
    private void rollBackEarlierExecutions() {
        if (earlierRolledBack) {
            return;
        }
        for (LogSinkTxnId id : xa.prepared(id -> id.sameSink(template) && id.executionId() != template.executionId() && answersFor(id))) {
            xa.rollback(id, "prepared by an earlier execution after its last snapshot");
        }
        earlierRolledBack = true;
    }

    @Override
    public boolean complete() {
        if (!exactlyOnce) {
            return true;
        }
        rollBackEarlierExecutions();
        prepareActive();
        if (snapshotInProgress) {
            return false; // phase 2 comes first
        }
        // the input is done: nothing will be replayed, commit what is left without waiting for a snapshot
        inSnapshot.addAll(prepared);
        prepared.clear();
        while (!inSnapshot.isEmpty()) {
            xa.commit(inSnapshot.get(0));
            inSnapshot.remove(0);
        }
        return true;
    }

    /**
     * The execution ends: the active transaction (never prepared, so in no snapshot) is rolled back; prepared ones are
     * left to the next execution, which commits those of its restored snapshot and rolls back the others.
     */
    @Override
    public void close() {
        if (active != null) {
            try {
                active.rollback();
            } catch (RuntimeException e) {
                context.logger().fine("log sink of topic '" + topic + "': rolling back " + active.id() + " failed: " + e);
            }
            active = null;
        }
    }
}
