package dev.grid.log.impl.repair;

import dev.grid.log.impl.operations.RepairFetchResponse;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.replica.ReplicaTarget;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One owner's rebuild of its log from its synchronous backups, on the partition thread: asks one backup at a time
 * for its batches from where the copy is ({@link PartitionLog#repairPosition()}), about a MiB per answer, and hands
 * them to {@link PartitionLog#applyRepair} until the log holds everything below the high watermark and what the
 * backup has up to the log end the owner had. The first backup must hold everything below the high watermark
 * before anything is cut. A backup that fails or cannot help is followed by the next; after a round in which none
 * helped it pauses ({@value ReplicaRepairs#ROUND_PAUSE_MILLIS} ms), and after {@value ReplicaRepairs#MAX_ROUNDS} such
 * rounds it gives up (six times as many when some backup did not answer at all: it may come back).
 */
final class OwnerRepair {
    private static final int PROBLEMS_KEPT = 4;

    private final ReplicaRepairs repairs;
    private final PartitionLog replica;
    private final Object token;
    private final long from;
    private final long startNanos = System.nanoTime();
    private final ArrayDeque<String> problems = new ArrayDeque<>();
    private int next;
    private int failuresInRound;
    private boolean unansweredInRound;
    private int rounds;

    OwnerRepair(ReplicaRepairs repairs, PartitionLog replica) {
        this.repairs = repairs;
        this.replica = replica;
        this.token = replica.repairToken();
        this.from = replica.repairPosition();
    }

    boolean isFor(Object repairToken) {
        return token == repairToken;
    }

    /** Whether this repair is still the replica's (it did not step down, was not dropped or repaired anew). */
    private boolean current() {
        return repairs.host().replicaOrNull(replica.topic(), replica.partition()) == replica && replica.leading()
                && replica.repairToken() == token;
    }

    void fetch() {
        if (!current()) {
            return;
        }
        List<ReplicaTarget> sources = repairs.synchronousBackups(replica.clusterPartition());
        if (sources.isEmpty()) {
            repairs.gaveUp(this, replica, "the partition has no synchronous backup any more");
            return;
        }
        ReplicaTarget source = sources.get(Math.floorMod(next, sources.size()));
        repairs.fetch(replica, source, replica.repairPosition(), (response, error) -> answered(source, response, error));
    }

    private void answered(ReplicaTarget source, RepairFetchResponse r, Throwable error) {
        if (!current()) {
            return;
        }
        if (error != null) {
            failed(source, "it answered " + error, false);
            return;
        }
        if (r.endOffset() < 0) {
            failed(source, "it holds no replica of the partition", true);
            return;
        }
        long hw = replica.highWatermark();
        if (!replica.repairCut() && r.endOffset() < hw) {
            failed(source, "its log ends at " + r.endOffset() + ", below the high watermark " + hw, true);
            return;
        }
        PartitionLog.RepairStep step;
        try {
            step = replica.applyRepair(r.startOffset(), r.batches());
        } catch (RuntimeException e) {
            failed(source, "copying its batches failed: " + e, false);
            return;
        }
        long end = replica.log().endOffset();
        if (step.complete() || end >= r.endOffset()) {
            if (end >= hw) {
                repairs.finished(this, replica, "rebuilt from member " + source.member() + " (backup " + source.replicaIndex()
                        + "): offsets " + from + " to " + end + " copied back in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
            } else {
                failed(source, "it holds offsets up to " + r.endOffset() + " only, below the high watermark " + hw, true);
            }
            return;
        }
        if (step.batchesCopied() == 0) {
            failed(source, "its batches do not continue the log at offset " + end, true);
            return;
        }
        failuresInRound = 0;
        fetch();
    }

    /**
     * @param answered whether the backup answered (and cannot help) rather than failed to answer (it may help later): a
     *                 repair gives up after {@value ReplicaRepairs#MAX_ROUNDS} rounds of backups that answered, or six
     *                 times as many with backups that did not
     */
    private void failed(ReplicaTarget source, String why, boolean answered) {
        problems.addLast("member " + source.member() + ": " + why);
        while (problems.size() > PROBLEMS_KEPT) {
            problems.removeFirst();
        }
        next++;
        failuresInRound++;
        unansweredInRound |= !answered;
        if (failuresInRound < repairs.synchronousBackups(replica.clusterPartition()).size()) {
            fetch();
            return;
        }
        rounds++;
        boolean hopeless = !unansweredInRound ? rounds >= ReplicaRepairs.MAX_ROUNDS : rounds >= 6 * ReplicaRepairs.MAX_ROUNDS;
        failuresInRound = 0;
        unansweredInRound = false;
        if (hopeless) {
            repairs.gaveUp(this, replica, "no synchronous backup could give the records back (" + String.join("; ", problems) + ")");
            return;
        }
        repairs.later(replica.clusterPartition(), this::fetch);
    }
}
