package dev.grid.log.impl.replica;

import dev.grid.log.LogException;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.impl.storage.BatchMeta;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.storage.SegmentedLog;
import dev.grid.log.impl.topic.TopicMeta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One replica of one log partition on this member: its segment files, and, while this member owns the
 * partition, the replication state — what each backup holds, the high watermark, appends waiting for their
 * backups and reads waiting for records. Every method runs on the cluster partition's thread, so nothing
 * here is locked; readers of the files on other threads go through {@link SegmentedLog}'s own guarantees.
 *
 * <p>Replication is pushed by the owner: at most one replication request per backup is in flight, carrying
 * every batch from what the backup is known to hold up to the owner's log end (up to {@link #MAX_REPLICATION_BYTES}),
 * so replication batches itself under load. The high watermark is the least log end among the owner and its
 * synchronous backups; it never moves back.
 */
public final class PartitionLog {
    /** Most bytes of batches one replication request carries. */
    public static final int MAX_REPLICATION_BYTES = 1 << 20;
    /** How long a backup that failed to answer is left alone before the owner tries again. */
    static final long RETRY_NANOS = 50_000_000L;

    /** Sends a replication request to a backup; the answer comes back through {@link #onFollowerAnswer}. */
    public interface Sender {
        void send(PartitionLog log, ReplicaTarget target, ReplicationRequest request);
    }

    /** What the owner sends a backup. */
    public record ReplicationRequest(int epoch, EpochHistory history, long ownerStartOffset, long ownerHighWatermark,
                                     List<LogBatch> batches) {
    }

    /** What a read returns: whole batches at or below the high watermark. */
    public record ReadResult(long startOffset, long highWatermark, List<LogBatch> batches) {
    }

    /** The outcome of an append: where the batch went, and whether it was stored before (a producer's retry). */
    public record Appended(ProducerStates.Placement placement, boolean duplicate) {
        public long endOffset() {
            return placement.baseOffset() + placement.count();
        }
    }

    private record Pending(long endOffset, Runnable onReplicated, Consumer<Throwable> onFailed) {
    }

    private record Waiter(long fromOffset, int maxBytes, long deadlineNanos, Consumer<ReadResult> answer) {
    }

    private static final class Follower {
        final UUID member;
        long knownEnd = -1;
        boolean inFlight;
        long retryAtNanos;

        Follower(UUID member) {
            this.member = member;
        }
    }

    private final TopicMeta meta;
    private final int partition;
    private final int clusterPartition;
    private final SegmentedLog log;
    private final ProducerStates producers = new ProducerStates();
    private final Map<Integer, Follower> followers = new HashMap<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private EpochHistory epochs = EpochHistory.EMPTY;
    private int epoch;
    private boolean leading;
    private volatile long highWatermark;
    private volatile long appendedRecords;
    private volatile long appendedBytes;
    private volatile long segmentsDeleted;

    public PartitionLog(TopicMeta meta, int partition, int clusterPartition, SegmentedLog log) {
        this.meta = meta;
        this.partition = partition;
        this.clusterPartition = clusterPartition;
        this.log = log;
        this.highWatermark = log.startOffset();
    }

    public TopicMeta meta() {
        return meta;
    }

    public String topic() {
        return meta.name();
    }

    public int partition() {
        return partition;
    }

    public int clusterPartition() {
        return clusterPartition;
    }

    public SegmentedLog log() {
        return log;
    }

    public boolean leading() {
        return leading;
    }

    public int epoch() {
        return epoch;
    }

    public EpochHistory epochs() {
        return epochs;
    }

    public long highWatermark() {
        return highWatermark;
    }

    public ProducerStates producers() {
        return producers;
    }

    public long appendedRecords() {
        return appendedRecords;
    }

    public long appendedBytes() {
        return appendedBytes;
    }

    public long segmentsDeleted() {
        return segmentsDeleted;
    }

    /** @return "topic-partition" */
    public String name() {
        return meta.name() + "-" + partition;
    }

    // ---- ownership ----

    /**
     * This member became the partition's owner: a new epoch starts at its log end. Records it holds above the high
     * watermark stay (they may have been acknowledged by the old owner; the backups copy them from here).
     */
    public void becomeOwner() {
        if (leading) {
            return;
        }
        epoch = Math.max(epoch, epochs.latest()) + 1;
        epochs = epochs.begin(epoch, log.endOffset());
        leading = true;
        followers.clear();
    }

    /** This member no longer owns the partition: appends and reads waiting here are answered so their callers retry. */
    public void stepDown(RuntimeException retry) {
        if (!leading) {
            return;
        }
        leading = false;
        followers.clear();
        failPending(retry);
        answerWaiters(true);
    }

    /** Fails every append waiting for its backups (the partition moves away, or the replica is dropped). */
    public void failPending(RuntimeException error) {
        while (!pending.isEmpty()) {
            pending.poll().onFailed().accept(error);
        }
    }

    // ---- appends on the owner ----

    /**
     * Appends a producer's batch, or finds it stored already.
     *
     * @throws LogException naming the producer and sequence numbers, if the batch is out of order
     */
    public Appended append(long producerId, int sequence, List<LogRecord> records, long nowMillis) {
        ProducerStates.Check check = producers.check(producerId, sequence);
        if (check instanceof ProducerStates.Duplicate duplicate) {
            return new Appended(duplicate.placement(), true);
        }
        if (check instanceof ProducerStates.OutOfOrder outOfOrder) {
            throw new LogException(name() + ": " + outOfOrder.reason());
        }
        List<LogRecord> toStore = records;
        if (meta.logAppendTime()) {
            toStore = new ArrayList<>(records.size());
            for (LogRecord r : records) {
                toStore.add(new LogRecord(r.key(), r.value(), LogRecord.NO_TIMESTAMP, r.headers()));
            }
        }
        LogBatch batch = log.append(toStore, nowMillis, new BatchMeta(producerId, sequence, epoch));
        ProducerStates.Placement placement = new ProducerStates.Placement(sequence, batch.baseOffset(), batch.recordCount(), nowMillis);
        producers.record(producerId, placement);
        appendedRecords += batch.recordCount();
        appendedBytes += batch.sizeInBytes();
        return new Appended(placement, false);
    }

    /** Runs {@code onReplicated} once the high watermark reaches {@code endOffset} (at once if it has). */
    public void whenReplicated(long endOffset, Runnable onReplicated, Consumer<Throwable> onFailed) {
        if (highWatermark >= endOffset) {
            onReplicated.run();
        } else {
            pending.add(new Pending(endOffset, onReplicated, onFailed));
        }
    }

    // ---- replication, owner side ----

    /**
     * Sends each backup that has no request in flight what it lacks, and moves the high watermark.
     *
     * @param targets the partition's backups as the partition table names them now
     * @return true if some backup is behind or failed (call again later)
     */
    public boolean replicate(List<ReplicaTarget> targets, Sender sender, long nowNanos) {
        if (!leading) {
            return false;
        }
        followers.keySet().removeIf(index -> targets.stream().noneMatch(t -> t.replicaIndex() == index));
        boolean behind = false;
        for (ReplicaTarget target : targets) {
            Follower f = followers.get(target.replicaIndex());
            if (f == null || !f.member.equals(target.member())) {
                f = new Follower(target.member());
                followers.put(target.replicaIndex(), f);
            }
            if (f.knownEnd != log.endOffset()) {
                behind = true;
            }
            if (f.inFlight || nowNanos - f.retryAtNanos < 0) {
                continue;
            }
            List<LogBatch> batches = List.of();
            if (f.knownEnd >= 0 && f.knownEnd < log.endOffset() && f.knownEnd >= log.startOffset()) {
                batches = log.readBatches(f.knownEnd, MAX_REPLICATION_BYTES);
            } else if (f.knownEnd >= 0 && f.knownEnd < log.startOffset() && log.startOffset() < log.endOffset()) {
                batches = log.readBatches(log.startOffset(), MAX_REPLICATION_BYTES);
            } else if (f.knownEnd == log.endOffset()) {
                continue;
            }
            f.inFlight = true;
            sender.send(this, target, new ReplicationRequest(epoch, epochs, log.startOffset(), highWatermark, batches));
        }
        advanceHighWatermark(targets);
        return behind;
    }

    /**
     * A backup answered (or failed to). Called on the partition's thread.
     *
     * @return true if that backup is still behind
     */
    public boolean onFollowerAnswer(List<ReplicaTarget> targets, ReplicaTarget target, FollowerState state, Throwable error,
                                    long nowNanos) {
        Follower f = followers.get(target.replicaIndex());
        if (f == null || !f.member.equals(target.member())) {
            return false;
        }
        f.inFlight = false;
        if (error != null || state == null) {
            f.knownEnd = -1;
            f.retryAtNanos = nowNanos + RETRY_NANOS;
            return true;
        }
        if (!state.accepted()) {
            // the backup follows a newer owner: this member learns it lost the partition from the partition table
            f.knownEnd = -1;
            f.retryAtNanos = nowNanos + RETRY_NANOS;
            return true;
        }
        f.knownEnd = state.endOffset();
        advanceHighWatermark(targets);
        return f.knownEnd != log.endOffset();
    }

    private void advanceHighWatermark(List<ReplicaTarget> targets) {
        long candidate = log.endOffset();
        for (ReplicaTarget target : targets) {
            if (!target.synchronous()) {
                continue;
            }
            Follower f = followers.get(target.replicaIndex());
            long end = f == null || !f.member.equals(target.member()) ? -1 : f.knownEnd;
            candidate = Math.min(candidate, end);
        }
        if (candidate > highWatermark) {
            highWatermark = candidate;
            while (!pending.isEmpty() && pending.peek().endOffset() <= candidate) {
                pending.poll().onReplicated().run();
            }
            answerWaiters(false);
        }
    }

    // ---- replication, backup side ----

    /**
     * Applies what the owner sent: cuts a tail the owner never had (a newer epoch), restarts from the owner's start
     * offset when too far behind, appends the batches this replica lacks.
     */
    public FollowerState applyFromOwner(ReplicationRequest request) {
        if (request.epoch() < epoch) {
            return new FollowerState(false, epoch, log.endOffset());
        }
        if (leading) {
            stepDown(new LogException(name() + ": another member owns the partition now"));
        }
        if (request.epoch() > epoch) {
            long cut = request.history().truncationPointFor(log.lastLeaderEpoch());
            if (cut < log.endOffset()) {
                truncateTo(cut, request.ownerStartOffset());
            }
            epoch = request.epoch();
            epochs = request.history();
        }
        if (log.endOffset() < request.ownerStartOffset()) {
            log.resetTo(request.ownerStartOffset());
            producers.clear();
        }
        for (LogBatch batch : request.batches()) {
            if (batch.nextOffset() <= log.endOffset()) {
                continue;
            }
            if (batch.baseOffset() < log.endOffset()) {
                truncateTo(batch.baseOffset(), request.ownerStartOffset());
            }
            if (batch.baseOffset() != log.endOffset()) {
                break;
            }
            appendCopy(batch);
        }
        long hw = Math.min(request.ownerHighWatermark(), log.endOffset());
        if (hw > highWatermark) {
            highWatermark = hw;
        }
        return new FollowerState(true, epoch, log.endOffset());
    }

    /** Appends a batch copied from another replica (replication or migration) and learns its producer's placement. */
    public void appendCopy(LogBatch batch) {
        log.appendBatch(batch);
        BatchMeta batchMeta = batch.meta();
        producers.record(batchMeta.producerId(), new ProducerStates.Placement(batchMeta.baseSequence(), batch.baseOffset(),
                batch.recordCount(), batch.maxTimestamp()));
    }

    private void truncateTo(long offset, long ownerStart) {
        if (offset <= log.startOffset()) {
            log.resetTo(Math.max(ownerStart, 0));
            producers.clear();
        } else {
            log.truncateTo(offset);
            producers.truncateTo(offset);
        }
        if (highWatermark > log.endOffset()) {
            highWatermark = log.endOffset();
        }
    }

    /** Replaces this replica's state with a copy of another's (migration): start offset, epochs, high watermark, producers. */
    public void resetForCopy(long startOffset, int copiedEpoch, EpochHistory copiedEpochs, long copiedHighWatermark,
                             List<Map.Entry<Long, ProducerStates.Placement>> copiedProducers) {
        log.resetTo(startOffset);
        producers.clear();
        for (Map.Entry<Long, ProducerStates.Placement> p : copiedProducers) {
            producers.record(p.getKey(), p.getValue());
        }
        epoch = copiedEpoch;
        epochs = copiedEpochs;
        leading = false;
        highWatermark = startOffset;
        pendingCopiedHighWatermark = copiedHighWatermark;
    }

    private long pendingCopiedHighWatermark;

    /** After the last chunk of a copy: the high watermark the source had, as far as this copy holds records. */
    public void finishCopy() {
        highWatermark = Math.max(highWatermark, Math.min(pendingCopiedHighWatermark, log.endOffset()));
    }

    // ---- reads on the owner ----

    /**
     * @return whole batches from the one holding {@code fromOffset}, up to the high watermark; none if {@code fromOffset}
     *         is at or above it (between the high watermark and the log end: records waiting for backups)
     * @throws OffsetOutOfRangeException below the start offset or above the log end
     */
    public ReadResult read(long fromOffset, int maxBytes) {
        long hw = highWatermark;
        if (fromOffset < log.startOffset() || fromOffset > log.endOffset()) {
            throw new OffsetOutOfRangeException(meta.name(), partition, fromOffset, log.startOffset(), hw);
        }
        if (fromOffset >= hw) {
            return new ReadResult(log.startOffset(), hw, List.of());
        }
        List<LogBatch> batches = log.readBatches(fromOffset, Math.max(maxBytes, 1));
        List<LogBatch> visible = new ArrayList<>(batches.size());
        for (LogBatch b : batches) {
            if (b.baseOffset() >= hw) {
                break;
            }
            visible.add(b);
        }
        return new ReadResult(log.startOffset(), hw, visible);
    }

    /** Answers with a read as soon as a record at or after {@code fromOffset} is below the high watermark, or empty at the deadline. */
    public void await(long fromOffset, int maxBytes, long deadlineNanos, Consumer<ReadResult> answer) {
        waiters.add(new Waiter(fromOffset, maxBytes, deadlineNanos, answer));
    }

    /** Answers the reads whose deadline passed (with no records). */
    public void expireWaiters(long nowNanos) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (nowNanos - w.deadlineNanos() >= 0) {
                it.remove();
                w.answer().accept(new ReadResult(log.startOffset(), highWatermark, List.of()));
            }
        }
    }

    public boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    private void answerWaiters(boolean all) {
        if (waiters.isEmpty()) {
            return;
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (all || w.fromOffset() < highWatermark) {
                it.remove();
                ReadResult result;
                try {
                    result = all ? new ReadResult(log.startOffset(), highWatermark, List.of()) : read(w.fromOffset(), w.maxBytes());
                } catch (RuntimeException e) {
                    result = new ReadResult(log.startOffset(), highWatermark, List.of());
                }
                w.answer().accept(result);
            }
        }
    }

    // ---- retention and closing ----

    /** Deletes whole segments past the topic's retention. */
    public int applyRetention(long nowMillis) {
        int deleted = log.applyRetention(meta.retentionBytes(), meta.retention().toMillis(), nowMillis);
        segmentsDeleted += deleted;
        if (highWatermark < log.startOffset()) {
            highWatermark = log.startOffset();
        }
        return deleted;
    }

    /** Answers everything waiting here and closes the files (the replica is dropped). */
    public void close(RuntimeException reason) {
        failPending(reason);
        answerWaiters(true);
        log.close();
    }

    @Override
    public String toString() {
        return name() + (leading ? " (owner, epoch " : " (backup, epoch ") + epoch + ", start " + log.startOffset() + ", hw "
                + highWatermark + ", end " + log.endOffset() + ")";
    }
}
