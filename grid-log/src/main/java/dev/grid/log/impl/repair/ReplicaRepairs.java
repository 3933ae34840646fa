package dev.grid.log.impl.repair;

import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.log.CorruptRecordException;
import dev.grid.log.LogException;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.operations.BackupTruncatedOperation;
import dev.grid.log.impl.operations.RepairFetchOperation;
import dev.grid.log.impl.operations.RepairFetchResponse;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.replica.ReplicaTarget;
import dev.grid.log.impl.storage.CorruptLogException;
import dev.grid.log.impl.storage.Corruption;
import dev.grid.log.impl.storage.SegmentedLog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What a member does when a read of one of its replicas' files meets a bad batch (corrupt or truncated):
 * <ul>
 *   <li>a <b>backup</b> cuts its log at the first bad batch of that segment, keeps its high watermark and tells the
 *       owner, whose replication refills it from there;</li>
 *   <li>an <b>owner</b> with a synchronous backup rebuilds its log from one ({@link OwnerRepair}): reads and appends
 *       of the partition wait meanwhile ({@link PartitionRepairingException}, retried by Hazelcast's invocations);</li>
 *   <li>an owner with none keeps serving the records before the bad batch; reads of it fail with a
 *       {@link CorruptRecordException} naming the partition, the file and the position.</li>
 * </ul>
 * Each bad batch is logged (a WARN line) and counted once by {@link CorruptionEvents}. The entry points named "on
 * the partition thread" run on the replica's cluster partition thread, like everything else about a replica.
 */
public final class ReplicaRepairs {
    /** Bytes of batches one repair fetch asks a backup for. */
    static final int FETCH_BYTES = PartitionLog.MAX_REPLICATION_BYTES;
    /** Pause after every synchronous backup failed to give anything in a round. */
    static final long ROUND_PAUSE_MILLIS = 200;
    /** Rounds after which a repair gives up (about five seconds of backups that cannot help). */
    static final int MAX_ROUNDS = 25;
    /** After a repair that gave up without changing anything, reads fail for this long before one is tried again. */
    static final long COOL_DOWN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ReplicaHost host;
    private final NodeEngine nodeEngine;
    private final CorruptionEvents events;
    private final ScheduledExecutorService timer;
    private final ILogger logger;
    private final Map<PartitionLog, OwnerRepair> running = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<PartitionLog, Long> coolDowns = Collections.synchronizedMap(new WeakHashMap<>());
    /** Bad batches of owners nothing can repair now, so that each read of one does not scan its segment again. */
    private final Map<PartitionLog, Corruption> unrepaired = Collections.synchronizedMap(new WeakHashMap<>());

    public ReplicaRepairs(ReplicaHost host, NodeEngine nodeEngine, CorruptionEvents events, ScheduledExecutorService timer) {
        this.host = host;
        this.nodeEngine = nodeEngine;
        this.events = events;
        this.timer = timer;
        this.logger = nodeEngine.getLogger(ReplicaRepairs.class);
    }

    public CorruptionEvents events() {
        return events;
    }

    ReplicaHost host() {
        return host;
    }

    // ---- finding ----

    /**
     * On the partition thread: a read of the replica's files met a bad batch. Finds the first bad batch of that
     * segment, logs and counts it, and cuts (a backup) or starts a rebuild (an owner).
     *
     * @param foundBy what read it, for the log line ("a read", "replication to a backup", ...)
     * @return the error to answer the reader with: a {@link PartitionRepairingException} (retryable) or, when nothing
     *         can rebuild the partition, a {@link CorruptRecordException}
     */
    public RuntimeException corrupt(PartitionLog replica, CorruptLogException e, String foundBy) {
        if (e.file() == null) {
            return e;
        }
        if (replica.repairing()) {
            return repairing(replica);
        }
        Corruption known = unrepaired.get(replica);
        Corruption bad = known != null && known.file().equals(e.file()) && e.position() >= known.position() && replica.leading()
                ? known : replica.log().findCorruption(e.file());
        if (bad == null) {
            // cut, replaced or deleted meanwhile: the reader tries again and reads what is there now
            return new PartitionRepairingException(name(replica) + ": " + e.getMessage() + ", but the segment checks sound now; try again");
        }
        if (!replica.leading()) {
            cutBackup(replica, bad, foundBy);
            return new PartitionRepairingException(name(replica) + ": this backup's segment " + bad.file() + " was corrupt at position "
                    + bad.position() + " (" + bad.reason() + "); it is being refilled from the owner");
        }
        List<ReplicaTarget> sources = synchronousBackups(replica.clusterPartition());
        if (sources.isEmpty()) {
            String why = "no synchronous backup holds a copy to rebuild it from: the records before offset " + bad.offset()
                    + " are served, the bad batch's cannot be read";
            events.found(replica, CorruptionEvents.OWNER, bad, foundBy, why);
            unrepaired.put(replica, bad);
            return unreadable(replica, bad, why);
        }
        Long coolDown = coolDowns.get(replica);
        if (coolDown != null && System.nanoTime() - coolDown < 0) {
            unrepaired.put(replica, bad);
            return unreadable(replica, bad, "no synchronous backup could give the records back just now; a later read tries again");
        }
        unrepaired.remove(replica);
        events.found(replica, CorruptionEvents.OWNER, bad, foundBy,
                "rebuilding the partition from a synchronous backup; its reads and appends wait meanwhile");
        replica.beginRepair(bad, "its segment " + bad.file() + " has a bad batch at position " + bad.position() + " (offset "
                + bad.offset() + "): " + bad.reason());
        start(replica);
        return repairing(replica);
    }

    /** From any thread (a background check): handles the bad batch on the replica's partition thread. */
    public void corruptLater(PartitionLog replica, CorruptLogException e, String foundBy) {
        host.onPartitionThread(replica.clusterPartition(), () -> {
            if (host.replicaOrNull(replica.topic(), replica.partition()) == replica) {
                corrupt(replica, e, foundBy);
            }
        });
    }

    /** On the partition thread, after the replica became the owner: starts the catch-up it needs, if any. */
    public void ownerStarted(PartitionLog replica) {
        if (replica.repairing() && !isRunning(replica)) {
            events.warn("grid-log: " + replica.topic() + " partition " + replica.partition() + " (owner replica) " + replica.repairCause()
                    + "; copying the records it lacks from a synchronous backup before it serves reads and appends");
            start(replica);
        }
    }

    /** @return the retryable error for a read or append of a partition being repaired */
    public RuntimeException repairing(PartitionLog replica) {
        return new PartitionRepairingException(name(replica) + " is being repaired on member " + nodeEngine.getThisAddress() + ": "
                + replica.repairCause() + "; its reads and appends wait until the records are copied back from a backup");
    }

    // ---- backups ----

    private void cutBackup(PartitionLog replica, Corruption bad, String foundBy) {
        events.found(replica, CorruptionEvents.BACKUP, bad, foundBy,
                "cutting this backup's log there; the owner's replication copies the rest again");
        if (replica.cutAtCorruption(bad.file()) == null) {
            return;
        }
        int partitionId = replica.clusterPartition();
        try {
            nodeEngine.getOperationService()
                    .createInvocationBuilder(GridLogService.SERVICE_NAME, new BackupTruncatedOperation(replica.meta(), replica.partition()),
                            partitionId)
                    .setReplicaIndex(0)
                    .invoke()
                    .whenCompleteAsync((r, error) -> {
                        if (error != null) {
                            logger.fine("grid-log: telling the owner of " + name(replica) + " that this backup was cut failed: " + error
                                    + " (its next replication finds out)");
                        }
                    }, Runnable::run);
        } catch (RuntimeException | Error e) {
            logger.fine("grid-log: telling the owner of " + name(replica) + " that this backup was cut failed: " + e);
        }
    }

    /** On the partition thread of a backup: whether a backup that cut a corrupt tail is whole again (logged and counted once). */
    public void checkRefilled(PartitionLog replica) {
        if (replica.refilled()) {
            events.repaired(replica, CorruptionEvents.BACKUP, "the owner's replication copied back everything it had cut (log end "
                    + replica.log().endOffset() + ")");
        }
    }

    /** On the owner's partition thread: a backup cut a corrupt tail; the owner asks it for its end and refills it. */
    public void backupTruncated(PartitionLog replica, java.util.UUID backup) {
        if (replica != null && replica.leading() && replica.forgetBackup(backup)) {
            host.replicateSoon(replica.clusterPartition());
        }
    }

    /**
     * On a backup's partition thread: its batches for an owner's repair, from {@code fromOffset} on.
     *
     * @throws LogException if its own files fail the read (it cuts them, as any backup does)
     */
    public RepairFetchResponse serve(PartitionLog replica, long fromOffset, int maxBytes) {
        if (replica == null || replica.leading()) {
            return new RepairFetchResponse(-1, -1, List.of());
        }
        SegmentedLog log = replica.log();
        long start = log.startOffset();
        long end = log.endOffset();
        if (fromOffset >= end) {
            return new RepairFetchResponse(start, end, List.of());
        }
        try {
            return new RepairFetchResponse(start, end, log.readBatches(Math.max(fromOffset, start), maxBytes));
        } catch (CorruptLogException e) {
            corrupt(replica, e, "a copy for the owner's repair");
            throw new LogException(name(replica) + ": this backup cannot give offsets from " + fromOffset + ": " + e.getMessage());
        }
    }

    // ---- owners ----

    private void start(PartitionLog replica) {
        OwnerRepair repair = new OwnerRepair(this, replica);
        running.put(replica, repair);
        repair.fetch();
    }

    private boolean isRunning(PartitionLog replica) {
        OwnerRepair r = running.get(replica);
        return r != null && r.isFor(replica.repairToken());
    }

    List<ReplicaTarget> synchronousBackups(int clusterPartition) {
        return host.targets(clusterPartition).stream().filter(ReplicaTarget::synchronous).toList();
    }

    /** Asks a synchronous backup for its batches from {@code from}; the answer comes on the partition thread. */
    void fetch(PartitionLog replica, ReplicaTarget source, long from, BiConsumer<RepairFetchResponse, Throwable> answer) {
        int partitionId = replica.clusterPartition();
        CompletableFuture<Object> call;
        try {
            call = nodeEngine.getOperationService()
                    .createInvocationBuilder(GridLogService.SERVICE_NAME,
                            new RepairFetchOperation(replica.meta(), replica.partition(), from, FETCH_BYTES), partitionId)
                    .setReplicaIndex(source.replicaIndex())
                    .setTryCount(3)
                    .setCallTimeout(10_000)
                    .invoke();
        } catch (RuntimeException | Error e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenCompleteAsync((response, error) -> host.onPartitionThread(partitionId, () -> {
            if (error == null && !(response instanceof RepairFetchResponse)) {
                answer.accept(null, new IllegalStateException("unexpected answer " + response));
            } else {
                answer.accept((RepairFetchResponse) response, error);
            }
        }), Runnable::run);
    }

    /** Runs {@code task} on the partition thread after a pause. */
    void later(int clusterPartition, Runnable task) {
        timer.schedule(() -> host.onPartitionThread(clusterPartition, task), ROUND_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** On the partition thread: the repair copied everything back. */
    void finished(OwnerRepair repair, PartitionLog replica, String how) {
        running.remove(replica);
        coolDowns.remove(replica);
        long lost = replica.finishRepair(new PartitionRepairingException(name(replica)
                + " was rebuilt from a backup that did not hold the records this append waited for; it is sent again"));
        events.repaired(replica, CorruptionEvents.OWNER, how + (lost > 0 ? "; " + lost
                + " offsets below the high watermark were on no replica any more and are lost (the high watermark is now "
                + replica.highWatermark() + ")" : "; nothing acknowledged was lost"));
        host.replicateSoon(replica.clusterPartition());
    }

    /** On the partition thread: no synchronous backup could give the records back. */
    void gaveUp(OwnerRepair repair, PartitionLog replica, String why) {
        running.remove(replica);
        if (!replica.repairCut()) {
            replica.cancelRepair();
            coolDowns.put(replica, System.nanoTime() + COOL_DOWN_NANOS);
            events.warn("grid-log: could not repair " + replica.topic() + " partition " + replica.partition() + " (owner replica): " + why
                    + "; its records before the bad batch are served, reads of it fail (a read after "
                    + TimeUnit.NANOSECONDS.toSeconds(COOL_DOWN_NANOS) + " s tries again)");
            return;
        }
        long lost = replica.finishRepair(new PartitionRepairingException(name(replica)
                + " was rebuilt without the records this append waited for; it is sent again"));
        events.warn("grid-log: repair of " + replica.topic() + " partition " + replica.partition() + " (owner replica) ended: " + why
                + "; the log ends at " + replica.log().endOffset() + (lost > 0 ? ", " + lost + " acknowledged offsets are lost" : ""));
        host.replicateSoon(replica.clusterPartition());
    }

    private CorruptRecordException unreadable(PartitionLog replica, Corruption bad, String why) {
        return new CorruptRecordException(name(replica) + ": the owner's segment " + bad.file() + " on member " + nodeEngine.getThisAddress()
                + " has a corrupt batch at position " + bad.position() + " (offset " + bad.offset() + "): " + bad.reason() + "; " + why);
    }

    static String name(PartitionLog replica) {
        return replica.topic() + "-" + replica.partition();
    }
}
