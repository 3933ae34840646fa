package dev.grid.log.impl.replica;

import dev.grid.log.LogDiskFullException;
import dev.grid.log.LogException;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.impl.storage.BatchMeta;
import dev.grid.log.impl.storage.Corruption;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogDiskBudgetExceededException;
import dev.grid.log.impl.storage.RecoveryReport;
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
 * synchronous backups; it never moves back, except when a repair finds records that no replica holds any more.
 *
 * <p><b>Repairs.</b> A backup whose files turn out corrupt cuts its log at the first bad batch
 * ({@link #cutAtCorruption}) and keeps its high watermark: it lacks acknowledged records until the owner's
 * replication brings them back. An owner whose files turn out corrupt ({@link #beginRepair}), or a promoted replica
 * that lacks records it held before such a cut ({@link #becomeOwner}), copies them from a synchronous backup
 * ({@link #applyRepair}, {@link #finishRepair}); meanwhile it serves no reads or appends and replicates nothing.
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
    public record ReadResult(long startOffset, long highWatermark, List<LogBatch> batches, long nextOffset) {
        public ReadResult(long startOffset, long highWatermark, List<LogBatch> batches) {
            this(startOffset, highWatermark, batches, batches.isEmpty() ? -1 : batches.get(batches.size() - 1).nextOffset());
        }
    }

    /** The outcome of an append: where the batch went, and whether it was stored before (a producer's retry). */
    public record Appended(ProducerStates.Placement placement, boolean duplicate) {
        public long endOffset() {
            return placement.baseOffset() + placement.count();
        }
    }

    private record Pending(long endOffset, Runnable onReplicated, Consumer<Throwable> onFailed) {
    }

    /** A long poll: answered when the high watermark passes {@code fromOffset}, with a read from {@code readFrom}. */
    private record Waiter(long fromOffset, long readFrom, boolean readCommitted, int maxBytes, long deadlineNanos,
                          Consumer<ReadResult> answer) {
    }

    private static final class Follower {
        final UUID member;
        long knownEnd = -1;
        boolean inFlight;
        /** The backup cut its log while a request was in flight: the answer's end is stale. */
        boolean stale;
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
    private final TxnIndex txns = new TxnIndex();
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
    /** The owner's log is being rebuilt from a backup; null when not. */
    private ReplicaRepair repair;
    /** Repairs begun on this replica so far (a copy taken across one would mix two logs). */
    private volatile long repairsBegun;
    /** A backup that cut a corrupt tail: the log end it had, reached again once the owner has refilled it; -1: none. */
    private long refillTarget = -1;

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

    /** @return the transactions this replica holds records or markers of */
    public TxnIndex transactions() {
        return txns;
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
     *
     * <p>A replica that cut a corrupt tail as a backup and was promoted before the old owner refilled it may lack
     * acknowledged records (its log ends below the end it had before the cut; the high watermark a backup knows lags
     * the owner's, so it cannot tell exactly which were acknowledged): it starts a catch-up instead
     * ({@link #repairing()}), and its epoch starts when it has copied what a synchronous backup holds. Starting the
     * epoch at once would make the backups cut the records it lacks.
     */
    public void becomeOwner() {
        if (leading) {
            return;
        }
        leading = true;
        followers.clear();
        long lacking = Math.max(highWatermark, refillTarget);
        refillTarget = -1;
        if (log.endOffset() < lacking) {
            repair = new ReplicaRepair("its log ends at " + log.endOffset() + ", below the " + lacking
                    + " it held as a backup before it cut a corrupt tail", null, log.endOffset(), Long.MAX_VALUE, true);
            repairsBegun++;
            return;
        }
        beginEpoch();
    }

    private void beginEpoch() {
        epoch = Math.max(epoch, epochs.latest()) + 1;
        epochs = epochs.begin(epoch, log.endOffset());
    }

    /** This member no longer owns the partition: appends and reads waiting here are answered so their callers retry. */
    public void stepDown(RuntimeException retry) {
        if (!leading) {
            return;
        }
        leading = false;
        // a repair stops where it is: a log cut at a corrupt batch keeps its high watermark, and is refilled by the new
        // owner or catches up when it owns the partition again
        repair = null;
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
     * Appends a producer's batch (a {@link dev.grid.log.impl.storage.BatchDraft}), or finds it stored already.
     *
     * @throws LogException naming the producer and sequence numbers, if the batch is out of order
     */
    public Appended append(long producerId, int sequence, byte[] draft, long nowMillis) {
        ProducerStates.Check check = producers.check(producerId, sequence);
        if (check instanceof ProducerStates.Duplicate duplicate) {
            return new Appended(duplicate.placement(), true);
        }
        if (check instanceof ProducerStates.OutOfOrder outOfOrder) {
            throw new LogException(name() + ": " + outOfOrder.reason());
        }
        LogBatch batch = log.appendDraft(draft, nowMillis, new BatchMeta(producerId, sequence, epoch), meta.logAppendTime());
        ProducerStates.Placement placement = new ProducerStates.Placement(sequence, batch.baseOffset(), batch.recordCount(), nowMillis);
        producers.record(producerId, placement);
        appendedRecords += batch.recordCount();
        appendedBytes += batch.sizeInBytes();
        return new Appended(placement, false);
    }

    /**
     * Appends a transaction's records batch, unless this replica holds it already (a retried prepare, or a commit
     * after a prepare), and with {@code commit} its commit marker, unless it is committed already.
     *
     * @param draft the records, a {@link dev.grid.log.impl.storage.BatchDraft}
     * @return the offset after the transaction's last batch here: the caller waits for the high watermark to reach it
     * @throws LogException naming the partition if the transaction was aborted here (by its timeout, or a rollback)
     */
    public long appendTransactional(long producerId, int recordsSequence, byte[] draft, boolean commit, long nowMillis) {
        TxnIndex.Entry entry = txns.get(producerId);
        if (entry != null && entry.state() == TxnIndex.State.ABORTED) {
            throw new LogException(name() + ": transaction " + Long.toHexString(producerId) + " was aborted here"
                    + (entry.recordsBase() >= 0 ? " (rolled back, or open longer than its timeout)" : " (rolled back)")
                    + "; its records are never visible to read_committed readers and cannot be " + (commit ? "committed" : "prepared"));
        }
        if (entry == null || entry.recordsBase() < 0) {
            LogBatch batch = log.appendDraft(draft, nowMillis, new BatchMeta(producerId, recordsSequence, epoch), meta.logAppendTime());
            stored(batch);
            entry = txns.get(producerId);
        }
        if (commit && entry.state() == TxnIndex.State.OPEN) {
            appendMarker(producerId, true, nowMillis);
        }
        return entry.endOffset();
    }

    /**
     * Aborts a transaction here: writes its abort marker if its records are stored and it is open.
     *
     * @return the offset after its marker, for the caller to wait for; -1 when nothing had to be written
     * @throws LogException if the transaction committed here
     */
    public long abortTransactional(long producerId, long nowMillis) {
        TxnIndex.Entry entry = txns.get(producerId);
        if (entry == null || entry.recordsBase() < 0) {
            txns.abortedWithoutRecords(producerId);
            return -1;
        }
        if (entry.state() == TxnIndex.State.COMMITTED) {
            throw new LogException(name() + ": transaction " + Long.toHexString(producerId) + " committed here already; it cannot abort");
        }
        if (entry.state() == TxnIndex.State.OPEN) {
            appendMarker(producerId, false, nowMillis);
        }
        return entry.endOffset();
    }

    private void appendMarker(long producerId, boolean commit, long nowMillis) {
        byte[] draft = dev.grid.log.impl.storage.BatchDraft.of(List.of(TxnBatches.markerRecord(commit, nowMillis)), producerId,
                commit ? TxnBatches.COMMIT : TxnBatches.ABORT);
        LogBatch marker = log.appendDraft(draft, nowMillis, new BatchMeta(producerId, commit ? TxnBatches.COMMIT : TxnBatches.ABORT, epoch),
                false);
        stored(marker);
    }

    private void stored(LogBatch batch) {
        txns.observe(batch, System.currentTimeMillis());
        appendedRecords += batch.recordCount();
        appendedBytes += batch.sizeInBytes();
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
        if (!leading || repair != null) {
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
        if (f.stale) {
            f.stale = false;
            f.knownEnd = -1;
            return true;
        }
        if (error != null || state == null) {
            if (target.synchronous() && rootCause(error) instanceof LogDiskBudgetExceededException full) {
                refuseUnreplicated(new LogDiskFullException(name() + ": the synchronous backup on member " + target.member()
                        + " cannot store the records: " + full.getMessage()));
            }
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

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A synchronous backup refused records for its disk budget: they can never be acknowledged, so the owner cuts them
     * (everything above the high watermark), fails the appends waiting for them with {@code refusal} (a producer takes it
     * as "not stored", as when the owner's own budget refuses), and starts a new epoch so a backup that copied some of
     * them cuts them too.
     */
    private void refuseUnreplicated(LogDiskFullException refusal) {
        if (log.endOffset() > highWatermark) {
            log.truncateTo(highWatermark);
            producers.truncateTo(highWatermark);
            txns.truncateTo(log.endOffset());
            beginEpoch();
        }
        failPending(refusal);
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
            txns.clear();
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
        txns.observe(batch, System.currentTimeMillis());
        BatchMeta batchMeta = batch.meta();
        producers.record(batchMeta.producerId(), new ProducerStates.Placement(batchMeta.baseSequence(), batch.baseOffset(),
                batch.recordCount(), batch.maxTimestamp()));
    }

    private void truncateTo(long offset, long ownerStart) {
        if (refillTarget > offset) {
            refillTarget = offset;          // the owner's log is shorter now: the records above it are gone everywhere
        }
        if (offset <= log.startOffset()) {
            log.resetTo(Math.max(ownerStart, 0));
            producers.clear();
            txns.clear();
        } else {
            log.truncateTo(offset);
            producers.truncateTo(offset);
            txns.truncateTo(log.endOffset());
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
        txns.clear();
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

    // ---- repairs ----

    /** @return whether the owner's log is being rebuilt from a backup (reads, appends and replication wait) */
    public boolean repairing() {
        return repair != null;
    }

    /** @return the repair under way, as an opaque token (null when none): a step of an older repair is ignored */
    public Object repairToken() {
        return repair;
    }

    /** @return what the repair under way is for, for messages; null when none */
    public String repairCause() {
        return repair == null ? null : repair.cause;
    }

    /**
     * On the owner: starts rebuilding the log from the bad batch {@code bad} found in its files. Nothing is cut yet:
     * the log is cut there when the first records from a backup are at hand ({@link #applyRepair}), so that with no
     * backup to copy from it keeps serving the records before the bad batch.
     *
     * @param cause for messages: where the bad batch is and why it is bad
     */
    public void beginRepair(Corruption bad, String cause) {
        if (!leading) {
            throw new IllegalStateException(name() + " is not the owner here: a backup cuts its log instead");
        }
        repair = new ReplicaRepair(cause, bad.file(), bad.offset(), log.endOffset(), false);
        repairsBegun++;
    }

    /** @return how many repairs this replica has begun (any thread) */
    public long repairsBegun() {
        return repairsBegun;
    }

    /** @return whether the repair under way has cut the bad tail yet (from then on the log lacks records until copied) */
    public boolean repairCut() {
        return repair != null && repair.cut;
    }

    /** Drops a repair that has not cut anything yet (no backup could give the records back): the log is as it was. */
    public void cancelRepair() {
        if (repair != null && repair.cut) {
            throw new IllegalStateException(name() + ": a repair that cut the log must finish (finishRepair)");
        }
        repair = null;
    }

    /** @return the next offset a repair copies from a backup */
    public long repairPosition() {
        return repair.cut ? log.endOffset() : repair.from;
    }

    /** @return the offset a repair stops copying at (the owner's log end when the bad batch was found) */
    public long repairUntil() {
        return repair.until;
    }

    /** What one step of a repair did. */
    public record RepairStep(int batchesCopied, boolean complete) {
    }

    /**
     * Applies what a synchronous backup sent for a repair: the first time, cuts the log at its first bad batch
     * (dropping producer placements from there, so a producer's retry is not answered with a place the log no
     * longer has); restarts from the backup's start offset if that is above the log end (its retention went
     * further); then appends the batches that continue the log. A batch the owner's epochs say the owner never had
     * (a backup that kept records of an older owner) ends the copy.
     *
     * @param sourceStart the backup's start offset
     * @param batches     the backup's batches from {@link #repairPosition()} on
     * @return how many batches were copied and whether the copy is complete (it reached {@link #repairUntil()}, or
     *         the backup's next batch does not belong to this log)
     */
    public RepairStep applyRepair(long sourceStart, List<LogBatch> batches) {
        if (!repair.cut) {
            RecoveryReport.Cut cut = log.truncateAtCorruption(repair.corruptFile);
            producers.truncateTo(log.endOffset());
            txns.truncateTo(log.endOffset());
            repair.cut = true;
            if (cut == null && log.endOffset() >= repair.until) {
                return new RepairStep(0, true);       // the bad batch is gone (the file was replaced meanwhile)
            }
        }
        if (sourceStart > log.endOffset()) {
            log.resetTo(sourceStart);
            producers.clear();
            txns.clear();
        }
        int copied = 0;
        for (LogBatch batch : batches) {
            if (batch.nextOffset() <= log.endOffset()) {
                continue;
            }
            if (batch.baseOffset() != log.endOffset()) {
                break;
            }
            if (batch.nextOffset() > repair.until || epochs.truncationPointFor(batch.meta().leaderEpoch()) < batch.nextOffset()) {
                return new RepairStep(copied, true);
            }
            appendCopy(batch);
            copied++;
        }
        return new RepairStep(copied, log.endOffset() >= repair.until);
    }

    /**
     * Ends a repair: appends waiting for records the log no longer holds fail with {@code retry} (their producers
     * send them again: the log has forgotten where they went); a new epoch starts at the log end if records were
     * dropped (so backups holding them cut them) or if a promoted replica caught up; the backups are asked for
     * their log ends again. The high watermark comes down to the log end if the backups lacked records below it.
     *
     * @return how many offsets below the old high watermark no replica could give back (0 when nothing was lost)
     */
    public long finishRepair(RuntimeException retry) {
        ReplicaRepair done = repair;
        repair = null;
        long end = log.endOffset();
        List<Pending> keep = new ArrayList<>();
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            if (p.endOffset() > end) {
                p.onFailed().accept(retry);
            } else {
                keep.add(p);
            }
        }
        pending.addAll(keep);
        if (done != null && (done.epochAtEnd || end < done.until)) {
            beginEpoch();
        }
        followers.clear();
        long lost = Math.max(0, highWatermark - end);
        if (lost > 0) {
            highWatermark = end;
        }
        if (highWatermark < log.startOffset()) {
            highWatermark = log.startOffset();      // restarted from the backup's start offset (its retention went further)
        }
        return lost;
    }

    /**
     * On a backup: cuts the log at the first bad batch of {@code file} and drops producer placements from there. The
     * high watermark stays: the replica lacks acknowledged records until the owner's replication brings them back
     * ({@link #refilled()}), and would catch up from another backup before serving as owner.
     *
     * @return the cut, or null if the file holds no bad batch (nothing changed)
     */
    public RecoveryReport.Cut cutAtCorruption(String file) {
        long endBefore = log.endOffset();
        RecoveryReport.Cut cut = log.truncateAtCorruption(file);
        if (cut != null) {
            producers.truncateTo(log.endOffset());
            txns.truncateTo(log.endOffset());
            refillTarget = Math.max(refillTarget, endBefore);
        }
        return cut;
    }

    /** @return true once, when a backup that cut a corrupt tail holds again the log end it had before the cut */
    public boolean refilled() {
        if (refillTarget >= 0 && log.endOffset() >= refillTarget) {
            refillTarget = -1;
            return true;
        }
        return false;
    }

    /**
     * On the owner: the backup on {@code member} cut its log (a corrupt tail), so what this owner knows of it is wrong;
     * it is asked for its log end again and refilled from there.
     *
     * @return whether {@code member} is one of this owner's backups
     */
    public boolean forgetBackup(UUID member) {
        for (Follower f : followers.values()) {
            if (f.member.equals(member)) {
                f.knownEnd = -1;
                f.stale = f.inFlight;
                f.retryAtNanos = 0;
                return true;
            }
        }
        return false;
    }

    // ---- reads on the owner ----

    /**
     * @return whole batches from the one holding {@code fromOffset}, up to the high watermark; none if {@code fromOffset}
     *         is at or above it (between the high watermark and the log end: records waiting for backups)
     * @throws OffsetOutOfRangeException below the start offset or above the log end
     */
    public ReadResult read(long fromOffset, int maxBytes) {
        return read(fromOffset, maxBytes, false);
    }

    /**
     * As {@link #read(long, int)}, without transaction markers; with {@code readCommitted} only up to the last stable
     * offset (the first offset of the oldest open transaction, which is then the result's high watermark) and without
     * the records of aborted transactions. The result's {@code nextOffset} is after the last batch looked at, kept or
     * skipped, or -1 when none was.
     */
    public ReadResult read(long fromOffset, int maxBytes, boolean readCommitted) {
        long hw = highWatermark;
        if (fromOffset < log.startOffset() || fromOffset > log.endOffset()) {
            throw new OffsetOutOfRangeException(meta.name(), partition, fromOffset, log.startOffset(), hw);
        }
        long limit = readCommitted ? Math.min(hw, Math.max(txns.firstOpenOffset(), log.startOffset())) : hw;
        if (fromOffset >= limit) {
            return new ReadResult(log.startOffset(), limit, List.of(), -1);
        }
        List<LogBatch> batches = log.readBatches(fromOffset, Math.max(maxBytes, 1));
        List<LogBatch> visible = new ArrayList<>(batches.size());
        long next = -1;
        for (LogBatch b : batches) {
            if (b.baseOffset() >= limit) {
                break;
            }
            next = b.nextOffset();
            if (TxnBatches.marker(b.meta()) || readCommitted && txns.abortedRecords(b)) {
                continue;
            }
            visible.add(b);
        }
        return new ReadResult(log.startOffset(), limit, visible, next);
    }

    /** Answers with a read as soon as a record at or after {@code fromOffset} is below the high watermark, or empty at the deadline. */
    public void await(long fromOffset, int maxBytes, long deadlineNanos, Consumer<ReadResult> answer) {
        waiters.add(new Waiter(fromOffset, fromOffset, false, maxBytes, deadlineNanos, answer));
    }

    /**
     * A {@code read_committed} long poll: answered (with a read from {@code fromOffset}) when the high watermark moves
     * past where it is now, as a commit or abort marker moves it, or empty at the deadline. Its answer may hold no
     * records when what arrived is still not visible.
     */
    public void awaitCommitted(long fromOffset, int maxBytes, long deadlineNanos, Consumer<ReadResult> answer) {
        waiters.add(new Waiter(Math.max(fromOffset, highWatermark), fromOffset, true, maxBytes, deadlineNanos, answer));
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
                    result = all ? new ReadResult(log.startOffset(), highWatermark, List.of()) : read(w.readFrom(), w.maxBytes(), w.readCommitted());
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
        if (repair != null) {
            return 0;       // the segments being repaired stay put
        }
        int deleted = log.applyRetention(meta.retentionBytes(), meta.retention().toMillis(), nowMillis);
        segmentsDeleted += deleted;
        txns.forgetBelow(log.startOffset());
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
