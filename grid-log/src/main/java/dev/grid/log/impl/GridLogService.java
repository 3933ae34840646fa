package dev.grid.log.impl;

import com.hazelcast.internal.partition.ChunkSupplier;
import com.hazelcast.internal.partition.ChunkSuppliers;
import com.hazelcast.internal.partition.ChunkedMigrationAwareService;
import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.MigrationEndpoint;
import com.hazelcast.internal.partition.PartitionMigrationEvent;
import com.hazelcast.internal.partition.PartitionReplica;
import com.hazelcast.internal.partition.PartitionReplicationEvent;
import com.hazelcast.internal.services.DistributedObjectNamespace;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.internal.services.ObjectNamespace;
import com.hazelcast.internal.services.ServiceNamespace;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.exception.RetryableHazelcastException;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridLogConfig;
import dev.grid.core.spi.MemberContext;
import dev.grid.log.impl.capture.LogMapChangeCapture;
import dev.grid.log.LogDiskFullException;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.RecordTooLargeException;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.impl.operations.AppendOperation;
import dev.grid.log.impl.operations.AppendResponse;
import dev.grid.log.impl.operations.LogOperation;
import dev.grid.log.impl.operations.MigrationChunkOperation;
import dev.grid.log.impl.operations.OffsetsOperation;
import dev.grid.log.impl.operations.ReadResponse;
import dev.grid.log.impl.operations.RepairFetchResponse;
import dev.grid.log.impl.operations.ReplicateOperation;
import dev.grid.log.impl.repair.CorruptionEvents;
import dev.grid.log.impl.repair.LogScrubber;
import dev.grid.log.impl.repair.ReplicaHost;
import dev.grid.log.impl.repair.ReplicaRepairs;
import dev.grid.log.impl.replica.FollowerState;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.replica.ReplicaTarget;
import dev.grid.log.impl.replica.TxnIndex;
import dev.grid.log.impl.storage.CorruptLogException;
import dev.grid.log.impl.storage.LogDiskBudget;
import dev.grid.log.impl.storage.LogDiskBudgetExceededException;
import dev.grid.log.impl.storage.LogStorageConfig;
import dev.grid.log.impl.storage.SegmentedLog;
import dev.grid.log.impl.topic.TopicMeta;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * grid-log on one member: the replicas of log partitions it holds (owned and backup), appends, replication to
 * backups, reads and long polls, retention, and the copies Hazelcast's migrations ask for. A log partition
 * {@code (topic, index)} lives on the cluster partition its name hashes to ({@link LogPlacement}), so it has that
 * partition's owner and backups. Everything about one replica runs on its cluster partition's thread. A read of a
 * replica's files that meets a bad batch goes to {@link ReplicaRepairs}, which rebuilds the replica from another.
 */
public final class GridLogService implements ManagedService, ChunkedMigrationAwareService, ReplicaHost {
    public static final String SERVICE_NAME = "grid:logService";
    /** How often owners retry lagging backups and long polls time out. */
    static final long TICK_MILLIS = 10;

    private final ConcurrentHashMap<String, PartitionLog> replicas = new ConcurrentHashMap<>();
    private final Set<UUID> deletedIncarnations = ConcurrentHashMap.newKeySet();
    private final Set<Integer> lagging = ConcurrentHashMap.newKeySet();
    private final Set<Integer> waiting = ConcurrentHashMap.newKeySet();
    private final LongAdder appendedRecords = new LongAdder();
    private final LongAdder appendedBytes = new LongAdder();
    private NodeEngine nodeEngine;
    private ILogger logger;
    private GridConfig config;
    private GridLogConfig logConfig;
    private Path directory;
    private LogDiskBudget budget;
    private ScheduledExecutorService timer;
    private LogMapChangeCapture changeCapture;
    private ReplicaRepairs repairs;
    private LogScrubber scrubber;
    private volatile TopicReads topicReads;

    public GridLogService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        this.nodeEngine = nodeEngine;
        this.logger = nodeEngine.getLogger(GridLogService.class);
        MemberContext member = MemberContext.orDefaults(nodeEngine.getConfig().getUserContext());
        config = member.config();
        logConfig = config.getLog();
        budget = logConfig.getDiskBudget() > 0 ? new LogDiskBudget(logConfig.getDiskBudget()) : LogDiskBudget.unlimited();
        directory = LogDirectories.claim(logConfig.directoryUnder(config.getDataDirectory()), nodeEngine.getLocalMember().getUuid(), logger);
        member.register(GridLogService.class, this);
        member.register(dev.grid.log.spi.MemberLog.class, new MemberLogReader(nodeEngine));
        changeCapture = new LogMapChangeCapture(nodeEngine, config);
        member.register(dev.grid.core.spi.MapChangeCapture.class, changeCapture);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, nodeEngine.getHazelcastInstance().getName() + ".grid-log-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        long retentionMillis = logConfig.getRetentionCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::abortExpiredTransactions, 1, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::applyRetention, retentionMillis, retentionMillis, TimeUnit.MILLISECONDS);
        repairs = new ReplicaRepairs(this, nodeEngine, new CorruptionEvents(logger), timer);
        scrubber = LogScrubber.start(nodeEngine.getHazelcastInstance().getName(), logConfig.getScrubInterval(), repairs, logger);
    }

    public NodeEngine nodeEngine() {
        return nodeEngine;
    }

    public GridLogConfig logConfig() {
        return logConfig;
    }

    public LogDiskBudget diskBudget() {
        return budget;
    }

    /** @return records appended on this member as owner since it started, over every partition it has owned */
    public long appendedRecords() {
        return appendedRecords.sum();
    }

    /** @return bytes of the batches of {@link #appendedRecords()} */
    public long appendedBytes() {
        return appendedBytes.sum();
    }

    /** @return what this member found corrupt and repaired (for metrics and tests) */
    public CorruptionEvents corruptionEvents() {
        return repairs.events();
    }

    /** @return every replica this member holds now (a snapshot) */
    @Override
    public Collection<PartitionLog> replicas() {
        return new ArrayList<>(replicas.values());
    }

    // ---- replicas ----

    private static String key(String topic, int partition) {
        return topic + "#" + partition;
    }

    /**
     * The replica of a log partition on this member, created when first needed. A replica of an earlier topic of the same
     * name (deleted since) is dropped first.
     *
     * @throws UnknownTopicException        if the topic's incarnation was deleted
     * @throws PartitionOutOfRangeException if the topic has no such partition
     */
    PartitionLog replica(TopicMeta topic, int partition, int clusterPartition) {
        if (deletedIncarnations.contains(topic.incarnation())) {
            throw UnknownTopicException.of(topic.name());
        }
        if (partition < 0 || partition >= topic.partitions()) {
            throw new PartitionOutOfRangeException(topic.name(), partition, topic.partitions());
        }
        String key = key(topic.name(), partition);
        PartitionLog existing = replicas.get(key);
        if (existing != null && existing.meta().incarnation().equals(topic.incarnation())) {
            return existing;
        }
        if (existing != null) {
            drop(existing, "its topic was deleted and created again");
        }
        Path dir = directory.resolve(topic.name() + "-" + partition + "-" + topic.incarnation().toString().substring(0, 8));
        LogStorageConfig storage = new LogStorageConfig(topic.segmentBytes(), topic.maxRecordBytes(), LogStorageConfig.DEFAULT.indexIntervalBytes());
        SegmentedLog log = SegmentedLog.open(dir, storage, budget);
        PartitionLog created = new PartitionLog(topic, partition, clusterPartition, log);
        log.onRolledSegmentCorrupt(e -> repairs.corruptLater(created, e, "the check of a rolled segment"));
        if (!log.recoveryReport().clean()) {
            repairs.events().cutOnOpen(created, log.recoveryReport());
        }
        replicas.put(key, created);
        return created;
    }

    @Override
    public PartitionLog replicaOrNull(String topic, int partition) {
        return replicas.get(key(topic, partition));
    }

    private void drop(PartitionLog replica, String why) {
        replicas.remove(key(replica.topic(), replica.partition()), replica);
        try {
            replica.close(new RetryableHazelcastException(replica.name() + " moved away from this member: " + why));
        } finally {
            LogDirectories.delete(replica.log().directory(), logger);
        }
    }

    private boolean ownsPartition(int clusterPartition) {
        IPartition p = nodeEngine.getPartitionService().getPartition(clusterPartition);
        return p.isLocal();
    }

    /** The partition's backups as the partition table names them now. */
    @Override
    public List<ReplicaTarget> targets(int clusterPartition) {
        InternalPartition p = (InternalPartition) nodeEngine.getPartitionService().getPartition(clusterPartition);
        int sync = config.getBackupCount();
        int total = sync + config.getAsyncBackupCount();
        List<ReplicaTarget> targets = new ArrayList<>(total);
        for (int i = 1; i <= total; i++) {
            PartitionReplica replica = p.getReplica(i);
            if (replica != null) {
                targets.add(new ReplicaTarget(i, replica.uuid(), i <= sync));
            }
        }
        return targets;
    }

    /** The owner's replica, made the owner's (a new epoch) if this member just became the owner. */
    private PartitionLog ownedReplica(TopicMeta topic, int partition, int clusterPartition) {
        PartitionLog replica = replica(topic, partition, clusterPartition);
        if (!replica.leading()) {
            replica.becomeOwner();
            repairs.ownerStarted(replica);
        }
        return replica;
    }

    /** The owner's replica, refused with a retryable error while it is being repaired. */
    private PartitionLog servingReplica(TopicMeta topic, int partition, int clusterPartition) {
        PartitionLog replica = ownedReplica(topic, partition, clusterPartition);
        if (replica.repairing()) {
            throw repairs.repairing(replica);
        }
        return replica;
    }

    // ---- appends ----

    /** Runs an append on the owner; answers {@code op} when the backups hold the batch (or at once without acks). */
    public void append(AppendOperation op, long producerId, int sequence, boolean acksAll, byte[] batch) {
        PartitionLog replica;
        PartitionLog.Appended appended;
        try {
            replica = servingReplica(op.topic(), op.logPartition(), op.getPartitionId());
            long recordsBefore = replica.appendedRecords();
            long bytesBefore = replica.appendedBytes();
            appended = replica.append(producerId, sequence, batch, config.getClock().millis());
            appendedRecords.add(replica.appendedRecords() - recordsBefore);
            appendedBytes.add(replica.appendedBytes() - bytesBefore);
        } catch (LogDiskBudgetExceededException e) {
            op.sendResponse(new LogDiskFullException(op.topic().name() + "-" + op.logPartition() + ": " + e.getMessage()));
            return;
        } catch (dev.grid.log.impl.storage.RecordTooLargeException e) {
            op.sendResponse(new RecordTooLargeException("topic " + op.topic().name() + ": " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            op.sendResponse(e);
            return;
        }
        AppendResponse response = new AppendResponse(appended.placement().baseOffset(), appended.placement().count(),
                appended.placement().appendTime(), appended.duplicate());
        if (!acksAll) {
            op.sendResponse(response);
            replicate(replica);
            return;
        }
        replica.whenReplicated(appended.endOffset(), () -> op.sendResponse(response), op::sendResponse);
        replicate(replica);
    }

    // ---- transactions ----

    /**
     * On the owner: stores a transaction's records batch here (once) and, with {@code commit}, its commit marker; answers
     * when the synchronous backups hold them, so a prepared transaction survives the owner's death.
     */
    public void appendTransactional(LogOperation op, long producerId, int recordsSequence, byte[] draft, boolean commit) {
        PartitionLog replica;
        long end;
        try {
            replica = servingReplica(op.topic(), op.logPartition(), op.getPartitionId());
            long recordsBefore = replica.appendedRecords();
            long bytesBefore = replica.appendedBytes();
            end = replica.appendTransactional(producerId, recordsSequence, draft, commit, config.getClock().millis());
            appendedRecords.add(replica.appendedRecords() - recordsBefore);
            appendedBytes.add(replica.appendedBytes() - bytesBefore);
        } catch (LogDiskBudgetExceededException e) {
            op.sendResponse(new LogDiskFullException(op.topic().name() + "-" + op.logPartition() + ": " + e.getMessage()));
            return;
        } catch (dev.grid.log.impl.storage.RecordTooLargeException e) {
            op.sendResponse(new RecordTooLargeException("topic " + op.topic().name() + ": " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            op.sendResponse(e);
            return;
        }
        replica.whenReplicated(end, () -> op.sendResponse(Boolean.TRUE), op::sendResponse);
        replicate(replica);
    }

    /** On the owner: aborts a transaction here (an abort marker if its records are stored); answers when the backups hold it. */
    public void abortTransactional(LogOperation op, long producerId) {
        PartitionLog replica;
        long end;
        try {
            replica = servingReplica(op.topic(), op.logPartition(), op.getPartitionId());
            end = replica.abortTransactional(producerId, config.getClock().millis());
        } catch (RuntimeException e) {
            op.sendResponse(e);
            return;
        }
        if (end < 0) {
            op.sendResponse(Boolean.TRUE);
            return;
        }
        replica.whenReplicated(end, () -> op.sendResponse(Boolean.TRUE), op::sendResponse);
        replicate(replica);
    }

    /** Every second: owners abort open transactions older than their timeout, so no reader waits for them for ever. */
    private void abortExpiredTransactions() {
        long now = System.currentTimeMillis();
        for (PartitionLog replica : replicas.values()) {
            if (!replica.leading() || !replica.transactions().hasOpen() || replica.transactions().expired(now).isEmpty()) {
                continue;
            }
            onPartitionThread(replica.clusterPartition(), () -> {
                if (replicas.get(key(replica.topic(), replica.partition())) != replica || !replica.leading() || replica.repairing()) {
                    return;
                }
                for (TxnIndex.Entry expired : replica.transactions().expired(System.currentTimeMillis())) {
                    logger.warning("grid-log: " + replica.name() + ": transaction " + Long.toHexString(expired.producerId())
                            + " stored records at offset " + expired.recordsBase() + " and was neither committed nor aborted "
                            + "within its timeout; aborting it here so that read_committed readers move on");
                    replica.abortTransactional(expired.producerId(), config.getClock().millis());
                }
                replicate(replica);
            });
        }
    }

    /** @return a topic's settings (created with the defaults if missing and {@code grid.log.autoCreateTopics} is on) */
    public TopicMeta topic(String name) {
        TopicReads reads = topicReads;
        if (reads == null) {
            reads = new TopicReads(new dev.grid.log.impl.invoke.MemberLogInvoker(nodeEngine));
            topicReads = reads;
        }
        TopicReads using = reads;
        return DefaultGridLog.join(using.forgettingUnknown(name, using.topic(name, true)));
    }

    /** @return the cluster partition a log partition lives on */
    public int clusterPartition(String topic, int partition) {
        return nodeEngine.getPartitionService().getPartitionId(topic + "#" + partition);
    }

    // ---- replication ----

    private void replicate(PartitionLog replica) {
        List<ReplicaTarget> targets = targets(replica.clusterPartition());
        try {
            if (replica.replicate(targets, this::send, System.nanoTime())) {
                lagging.add(replica.clusterPartition());
            }
        } catch (CorruptLogException e) {
            repairs.corrupt(replica, e, "replication to a backup");
        }
    }

    @Override
    public void replicateSoon(int clusterPartition) {
        lagging.add(clusterPartition);
    }

    private void send(PartitionLog replica, ReplicaTarget target, PartitionLog.ReplicationRequest request) {
        ReplicateOperation op = new ReplicateOperation(replica.meta(), replica.partition(), request);
        int clusterPartition = replica.clusterPartition();
        nodeEngine.getOperationService().createInvocationBuilder(SERVICE_NAME, op, clusterPartition)
                .setReplicaIndex(target.replicaIndex())
                .setTryCount(3)
                .setCallTimeout(10_000)
                .invoke()
                .whenCompleteAsync((response, error) -> onPartitionThread(clusterPartition, () -> {
                    PartitionLog current = replicaOrNull(replica.topic(), replica.partition());
                    if (current != replica) {
                        return;
                    }
                    FollowerState state = error == null ? ReplicateOperation.decode(response) : null;
                    List<ReplicaTarget> targets = targets(clusterPartition);
                    if (replica.onFollowerAnswer(targets, target, state, error, System.nanoTime())) {
                        replicate(replica);
                    }
                }), Runnable::run);
    }

    /** On a backup: applies what the owner sent. */
    public FollowerState applyFromOwner(TopicMeta topic, int partition, int clusterPartition, PartitionLog.ReplicationRequest request) {
        PartitionLog replica = replica(topic, partition, clusterPartition);
        FollowerState state;
        try {
            state = replica.applyFromOwner(request);
        } catch (CorruptLogException e) {
            // a truncation for the owner read a bad batch: the backup is cut there, then takes the owner's batches
            repairs.corrupt(replica, e, "a truncation for the owner");
            state = replica.applyFromOwner(request);
        }
        repairs.checkRefilled(replica);
        return state;
    }

    /** On a backup: its batches for the owner's repair (see {@link ReplicaRepairs#serve}). */
    public RepairFetchResponse serveRepairFetch(TopicMeta topic, int partition, long fromOffset, int maxBytes) {
        return repairs.serve(replicaOrNull(topic.name(), partition), fromOffset, maxBytes);
    }

    /** On the owner: a backup ({@code member}) cut a corrupt tail off its log; it is refilled from its new end. */
    public void backupTruncated(TopicMeta topic, int partition, UUID member) {
        repairs.backupTruncated(replicaOrNull(topic.name(), partition), member);
    }

    @Override
    public void onPartitionThread(int clusterPartition, Runnable task) {
        nodeEngine.getOperationService().execute(new PartitionSpecificRunnable() {
            @Override
            public int getPartitionId() {
                return clusterPartition;
            }

            @Override
            public void run() {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    logger.warning("grid-log: a task of partition " + clusterPartition + " failed", e);
                }
            }
        });
    }

    /** Every {@value #TICK_MILLIS} ms: owners retry backups that are behind; long polls past their deadline get answered. */
    private void tick() {
        try {
            for (Integer p : lagging.toArray(new Integer[0])) {
                lagging.remove(p);
                onPartitionThread(p, () -> {
                    if (!ownsPartition(p)) {
                        return;
                    }
                    for (PartitionLog replica : replicas.values()) {
                        if (replica.clusterPartition() == p && replica.leading()) {
                            replicate(replica);
                        }
                    }
                });
            }
            for (Integer p : waiting.toArray(new Integer[0])) {
                waiting.remove(p);
                onPartitionThread(p, () -> {
                    long now = System.nanoTime();
                    for (PartitionLog replica : replicas.values()) {
                        if (replica.clusterPartition() == p) {
                            replica.expireWaiters(now);
                            if (replica.hasWaiters()) {
                                waiting.add(p);
                            }
                        }
                    }
                });
            }
        } catch (RuntimeException e) {
            logger.warning("grid-log: timer tick failed", e);
        }
    }

    private void applyRetention() {
        for (PartitionLog replica : replicas.values()) {
            onPartitionThread(replica.clusterPartition(), () -> {
                if (replicas.get(key(replica.topic(), replica.partition())) == replica) {
                    int deleted = replica.applyRetention(config.getClock().millis());
                    if (deleted > 0) {
                        logger.fine("grid-log: " + replica.name() + " deleted " + deleted + " segments past retention");
                    }
                }
            });
        }
    }

    // ---- reads ----

    /** Runs a read on the owner; answers at once when records are below the high watermark, else when they arrive or time out. */
    public void read(Operation op, long fromOffset, int maxBytes, long maxWaitMillis, boolean readCommitted) {
        TopicMeta topic = ((dev.grid.log.impl.operations.LogOperation) op).topic();
        int partition = ((dev.grid.log.impl.operations.LogOperation) op).logPartition();
        PartitionLog replica = null;
        try {
            replica = servingReplica(topic, partition, op.getPartitionId());
            PartitionLog.ReadResult result = replica.read(fromOffset, maxBytes, readCommitted);
            if (!result.batches().isEmpty() || maxWaitMillis <= 0 || result.nextOffset() > fromOffset) {
                op.sendResponse(ReadResponse.of(result));
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
            if (readCommitted) {
                replica.awaitCommitted(fromOffset, maxBytes, deadline, r -> op.sendResponse(ReadResponse.of(r)));
            } else {
                replica.await(fromOffset, maxBytes, deadline, r -> op.sendResponse(ReadResponse.of(r)));
            }
            waiting.add(op.getPartitionId());
        } catch (CorruptLogException e) {
            op.sendResponse(replica == null ? e : repairs.corrupt(replica, e, "a read"));
        } catch (RuntimeException e) {
            op.sendResponse(e);
        }
    }

    /** @return the partition's offsets on its owner, see {@link OffsetsOperation} */
    public long[] offsets(TopicMeta topic, int partition, int clusterPartition, long timestamp) {
        PartitionLog replica = servingReplica(topic, partition, clusterPartition);
        SegmentedLog log = replica.log();
        long forTimestamp = -1;
        if (timestamp >= 0) {
            OptionalLong found;
            try {
                found = log.offsetForTimestamp(timestamp);
            } catch (CorruptLogException e) {
                throw repairs.corrupt(replica, e, "a seek by time");
            }
            forTimestamp = found.isPresent() && found.getAsLong() < replica.highWatermark() ? found.getAsLong() : -1;
        }
        return new long[] {log.startOffset(), replica.highWatermark(), log.endOffset(), log.sizeInBytes(), log.segmentCount(), forTimestamp};
    }

    // ---- topics ----

    /** Drops every replica of a deleted topic on this member, each on its partition's thread. */
    public void dropTopic(String topic, UUID incarnation) {
        deletedIncarnations.add(incarnation);
        for (PartitionLog replica : replicas.values()) {
            if (replica.topic().equals(topic) && replica.meta().incarnation().equals(incarnation)) {
                onPartitionThread(replica.clusterPartition(), () -> drop(replica, "its topic was deleted"));
            }
        }
    }

    // ---- migration ----

    private static ObjectNamespace namespace(String topic) {
        return new DistributedObjectNamespace(SERVICE_NAME, topic);
    }

    private List<PartitionLog> replicasOf(int clusterPartition, String topic) {
        List<PartitionLog> found = new ArrayList<>();
        for (PartitionLog replica : replicas.values()) {
            if (replica.clusterPartition() == clusterPartition && (topic == null || replica.topic().equals(topic))) {
                found.add(replica);
            }
        }
        found.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return found;
    }

    private int totalBackups() {
        return config.getBackupCount() + config.getAsyncBackupCount();
    }

    @Override
    public Collection<ServiceNamespace> getAllServiceNamespaces(PartitionReplicationEvent event) {
        List<ServiceNamespace> namespaces = new ArrayList<>();
        if (event.getReplicaIndex() > totalBackups()) {
            return namespaces;
        }
        for (PartitionLog replica : replicasOf(event.getPartitionId(), null)) {
            ObjectNamespace ns = namespace(replica.topic());
            if (!namespaces.contains(ns)) {
                namespaces.add(ns);
            }
        }
        return namespaces;
    }

    @Override
    public boolean isKnownServiceNamespace(ServiceNamespace namespace) {
        return namespace instanceof ObjectNamespace && SERVICE_NAME.equals(namespace.getServiceName());
    }

    @Override
    public Operation prepareReplicationOperation(PartitionReplicationEvent event) {
        return null;
    }

    @Override
    public Operation prepareReplicationOperation(PartitionReplicationEvent event, Collection<ServiceNamespace> namespaces) {
        // grid-log copies partitions only in chunks (newChunkSupplier); Hazelcast asks for chunks when chunked migration is on
        return null;
    }

    @Override
    public ChunkSupplier newChunkSupplier(PartitionReplicationEvent event, Collection<ServiceNamespace> namespaces) {
        List<ChunkSupplier> suppliers = new ArrayList<>();
        for (ServiceNamespace namespace : namespaces) {
            String topic = ((ObjectNamespace) namespace).getObjectName();
            for (PartitionLog replica : replicasOf(event.getPartitionId(), topic)) {
                suppliers.add(new LogMigrationChunks(replica, event.getPartitionId(), event.getReplicaIndex(), nodeEngine, repairs));
            }
        }
        return ChunkSuppliers.newChainedChunkSupplier(suppliers);
    }

    /** On the receiving replica: applies one chunk of a copy. */
    public void applyMigrationChunk(TopicMeta topic, int partition, int clusterPartition, MigrationChunkOperation chunk) {
        PartitionLog replica = replica(topic, partition, clusterPartition);
        if (chunk.isFirst()) {
            replica.stepDown(new RetryableHazelcastException(replica.name() + " is being copied here"));
            replica.resetForCopy(chunk.startOffset(), chunk.epoch(), chunk.history(), chunk.highWatermark(), chunk.producers());
        }
        for (var batch : chunk.batches()) {
            if (batch.nextOffset() <= replica.log().endOffset()) {
                continue;
            }
            if (batch.baseOffset() != replica.log().endOffset()) {
                throw new IllegalStateException(replica.name() + ": migration chunk starts at " + batch.baseOffset() + ", the copy ends at "
                        + replica.log().endOffset());
            }
            replica.appendCopy(batch);
        }
        if (chunk.isLast()) {
            replica.finishCopy();
            repairs.checkRefilled(replica);
        }
    }

    @Override
    public void beforeMigration(PartitionMigrationEvent event) {
        if (event.getMigrationEndpoint() == MigrationEndpoint.SOURCE && event.getCurrentReplicaIndex() == 0) {
            for (PartitionLog replica : replicasOf(event.getPartitionId(), null)) {
                replica.stepDown(new RetryableHazelcastException(replica.name() + " is migrating"));
            }
        }
    }

    @Override
    public void commitMigration(PartitionMigrationEvent event) {
        int p = event.getPartitionId();
        if (event.getMigrationEndpoint() == MigrationEndpoint.SOURCE) {
            int index = event.getNewReplicaIndex();
            for (PartitionLog replica : replicasOf(p, null)) {
                if (index != 0) {
                    replica.stepDown(new RetryableHazelcastException(replica.name() + " moved to another member"));
                }
                if (index < 0 || index > totalBackups()) {
                    drop(replica, "the partition moved to another member");
                }
            }
        } else if (event.getNewReplicaIndex() == 0) {
            for (PartitionLog replica : replicasOf(p, null)) {
                replica.becomeOwner();
                repairs.ownerStarted(replica);
                lagging.add(p);
            }
        }
    }

    @Override
    public void rollbackMigration(PartitionMigrationEvent event) {
        if (event.getMigrationEndpoint() == MigrationEndpoint.DESTINATION) {
            int index = event.getCurrentReplicaIndex();
            for (PartitionLog replica : replicasOf(event.getPartitionId(), null)) {
                if (index < 0 || index > totalBackups()) {
                    drop(replica, "a migration here was rolled back");
                }
            }
        }
    }

    // ---- lifecycle ----

    @Override
    public void reset() {
        for (PartitionLog replica : replicas.values()) {
            drop(replica, "the member reset");
        }
    }

    @Override
    public void shutdown(boolean terminate) {
        if (changeCapture != null) {
            changeCapture.shutdown();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (scrubber != null) {
            scrubber.close();
        }
        for (PartitionLog replica : replicas.values()) {
            try {
                // operations waiting here were answered by Hazelcast already (the member is going): only the files close
                replica.log().close();
            } catch (RuntimeException e) {
                logger.fine("grid-log: closing " + replica.name() + ": " + e);
            }
        }
        replicas.clear();
        LogDirectories.delete(directory, logger);
    }

    /** @return where this member keeps its replicas' files */
    public Path directory() {
        return directory;
    }
}
