package dev.grid.log.impl.group;

import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.internal.partition.MigrationAwareService;
import com.hazelcast.internal.partition.MigrationEndpoint;
import com.hazelcast.internal.partition.PartitionMigrationEvent;
import com.hazelcast.internal.partition.PartitionReplicationEvent;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridConfig;
import dev.grid.core.spi.MemberContext;
import dev.grid.log.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * grid-log's consumer groups on one member. Each group lives on the cluster partition its name hashes to: the
 * partition's owner runs the group's {@link GroupCoordinator} (membership and assignment, in memory only), and every
 * replica keeps its {@link GroupRecord} (committed offsets, replicated by the commits' backups and moved by migration).
 * A timer ends the sessions of silent members on the partition's thread, so a dead consumer's partitions move within
 * its session timeout plus one tick ({@value #TICK_MILLIS} ms), whether or not anyone else heartbeats.
 */
public final class GroupService implements ManagedService, MigrationAwareService {
    public static final String SERVICE_NAME = "grid:logGroupService";
    /** How often the timer looks for sessions that have ended. */
    static final long TICK_MILLIS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(GroupService.class);

    private final NodeEngine nodeEngine;
    private GridClock clock;
    private int syncBackups;
    private int asyncBackups;
    private GroupPartition[] partitions;
    private ScheduledFuture<?> timer;

    public GroupService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        MemberContext member = MemberContext.orDefaults(nodeEngine.getConfig().getUserContext());
        GridConfig config = member.config();
        clock = member.clock();
        syncBackups = config.getBackupCount();
        asyncBackups = config.getAsyncBackupCount();
        partitions = new GroupPartition[nodeEngine.getPartitionService().getPartitionCount()];
        for (int p = 0; p < partitions.length; p++) {
            partitions[p] = new GroupPartition();
        }
        timer = nodeEngine.getExecutionService().scheduleWithRepetition(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void reset() {
        for (int p = 0; p < partitions.length; p++) {
            GroupPartition partition = partitions[p];
            nodeEngine.getOperationService().execute(onPartitionThread(p, () -> {
                partition.records.clear();
                partition.coordinators.clear();
                partition.updateDeadline();
            }));
        }
    }

    @Override
    public void shutdown(boolean terminate) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** @return this member's time for sessions and grace periods: monotonic milliseconds of the member's clock */
    long now() {
        return clock.nanos() / 1_000_000;
    }

    int syncBackups() {
        return syncBackups;
    }

    int asyncBackups() {
        return asyncBackups;
    }

    /** @return the group's coordinator, started now (afresh: see {@link GroupCoordinator}) if this member has none */
    GroupCoordinator coordinator(int partitionId, String group) {
        GroupPartition partition = partitions[partitionId];
        GroupCoordinator coordinator = partition.coordinators.get(group);
        if (coordinator == null) {
            GroupRecord record = partition.records.get(group);
            long grace = record != null && record.membersMayHold() ? record.graceMillis() : 0;
            coordinator = new GroupCoordinator(group, now(), grace, () -> UUID.randomUUID().toString());
            partition.coordinators.put(group, coordinator);
            if (grace > 0) {
                LOG.info("Consumer group '{}' has a new coordinator on this member (partition {}): partitions whose holder has not "
                        + "rejoined are granted after {} ms", group, partitionId, grace);
            }
        }
        return coordinator;
    }

    GroupCoordinator coordinatorOrNull(int partitionId, String group) {
        return partitions[partitionId].coordinators.get(group);
    }

    /** @return the group's record on this replica, created empty if it has none */
    GroupRecord record(int partitionId, String group) {
        GroupPartition partition = partitions[partitionId];
        partition.mayHaveGroups = true;
        return partition.records.computeIfAbsent(group, GroupRecord::new);
    }

    GroupRecord recordOrNull(int partitionId, String group) {
        return partitions[partitionId].records.get(group);
    }

    /** After an operation changed a coordinator's sessions: the timer looks at the new deadline. */
    void deadlineChanged(int partitionId) {
        partitions[partitionId].updateDeadline();
    }

    void replaceRecords(int partitionId, List<GroupRecord> records) {
        GroupPartition partition = partitions[partitionId];
        partition.records.clear();
        for (GroupRecord record : records) {
            partition.records.put(record.group(), record);
        }
        if (!records.isEmpty()) {
            partition.mayHaveGroups = true;
        }
    }

    // ---- what this member coordinates, for its statistics ----

    /**
     * One group as the owner of its cluster partition holds it.
     *
     * @param group   the group's name
     * @param offsets its committed offsets
     * @param topics  the topics it has committed offsets for or its members read
     */
    record OwnedGroup(String group, Map<TopicPartition, Long> offsets, Set<String> topics) {
    }

    /**
     * @return every group whose cluster partition this member owns, copied on each partition's thread (those that have
     *         never had a group on this member are not visited); completes on a partition thread
     */
    CompletableFuture<List<OwnedGroup>> ownedGroups() {
        IPartitionService partitionService = nodeEngine.getPartitionService();
        List<CompletableFuture<List<OwnedGroup>>> copies = new ArrayList<>();
        for (int p = 0; p < partitions.length; p++) {
            GroupPartition partition = partitions[p];
            if (!partition.mayHaveGroups || !partitionService.getPartition(p).isLocal()) {
                continue;
            }
            int partitionId = p;
            CompletableFuture<List<OwnedGroup>> copy = new CompletableFuture<>();
            copies.add(copy);
            nodeEngine.getOperationService().execute(onPartitionThread(p, () -> {
                try {
                    copy.complete(partitionService.getPartition(partitionId).isLocal() ? copyGroups(partition) : List.of());
                } catch (RuntimeException | Error e) {
                    copy.completeExceptionally(e);
                }
            }));
        }
        return CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<OwnedGroup> all = new ArrayList<>();
            copies.forEach(copy -> all.addAll(copy.join()));
            return all;
        });
    }

    private List<OwnedGroup> copyGroups(GroupPartition partition) {
        Set<String> names = new TreeSet<>(partition.records.keySet());
        names.addAll(partition.coordinators.keySet());
        List<OwnedGroup> groups = new ArrayList<>(names.size());
        long now = now();
        for (String group : names) {
            GroupRecord record = partition.records.get(group);
            Map<TopicPartition, Long> offsets = record == null ? Map.of() : new TreeMap<>(record.allOffsets());
            Set<String> topics = new TreeSet<>();
            offsets.keySet().forEach(committed -> topics.add(committed.topic()));
            GroupCoordinator coordinator = partition.coordinators.get(group);
            if (coordinator != null) {
                coordinator.describe(now).forEach(member -> topics.addAll(member.topics()));
            }
            if (!topics.isEmpty()) {
                groups.add(new OwnedGroup(group, offsets, topics));
            }
        }
        return groups;
    }

    // ---- session expiry ----

    private void tick() {
        try {
            long now = now();
            for (int p = 0; p < partitions.length; p++) {
                GroupPartition partition = partitions[p];
                if (partition.nextDeadline <= now && partition.expiryQueued.compareAndSet(false, true)) {
                    nodeEngine.getOperationService().execute(new ExpiryTask(p, partition));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Consumer groups' session timer failed", e);
        }
    }

    /** Ends the sessions that are over in one partition's groups, on that partition's thread. */
    private final class ExpiryTask implements PartitionSpecificRunnable {
        private final int partitionId;
        private final GroupPartition partition;

        ExpiryTask(int partitionId, GroupPartition partition) {
            this.partitionId = partitionId;
            this.partition = partition;
        }

        @Override
        public int getPartitionId() {
            return partitionId;
        }

        @Override
        public void run() {
            partition.expiryQueued.set(false);
            long now = now();
            partition.coordinators.forEach((group, coordinator) -> {
                List<String> expired = coordinator.expire(now);
                if (!expired.isEmpty()) {
                    LOG.info("Consumer group '{}': no heartbeat from {} within the session timeout; their partitions are free",
                            group, expired);
                }
            });
            partition.updateDeadline();
        }
    }

    // ---- migration and backup resynchronisation ----

    @Override
    public Operation prepareReplicationOperation(PartitionReplicationEvent event) {
        if (event.getReplicaIndex() > syncBackups + asyncBackups) {
            return null;
        }
        GroupPartition partition = partitions[event.getPartitionId()];
        if (partition.records.isEmpty()) {
            return null;
        }
        List<GroupRecord> copies = new ArrayList<>();
        partition.records.values().forEach(record -> copies.add(record.copy()));
        return new GroupReplicationOperation(copies);
    }

    @Override
    public void beforeMigration(PartitionMigrationEvent event) {
        // nothing to prepare: operations on a migrating partition are refused by Hazelcast until it commits
    }

    @Override
    public void commitMigration(PartitionMigrationEvent event) {
        GroupPartition partition = partitions[event.getPartitionId()];
        if (event.getMigrationEndpoint() == MigrationEndpoint.SOURCE) {
            if (event.getNewReplicaIndex() != 0) {
                dropCoordinators(event.getPartitionId(), partition, "moved to another member");
            }
            if (event.getNewReplicaIndex() < 0 || event.getNewReplicaIndex() > syncBackups + asyncBackups) {
                partition.records.clear();
            }
        } else if (event.getNewReplicaIndex() == 0) {
            // a new owner (by migration or promotion) starts every coordinator afresh
            dropCoordinators(event.getPartitionId(), partition, "a new owner takes over");
        }
    }

    @Override
    public void rollbackMigration(PartitionMigrationEvent event) {
        if (event.getMigrationEndpoint() == MigrationEndpoint.DESTINATION) {
            GroupPartition partition = partitions[event.getPartitionId()];
            if (event.getCurrentReplicaIndex() != 0) {
                dropCoordinators(event.getPartitionId(), partition, "its migration was rolled back");
            }
            if (event.getCurrentReplicaIndex() < 0 || event.getCurrentReplicaIndex() > syncBackups + asyncBackups) {
                partition.records.clear();
            }
        }
    }

    private static void dropCoordinators(int partitionId, GroupPartition partition, String why) {
        if (!partition.coordinators.isEmpty()) {
            LOG.info("Consumer groups {} of partition {}: coordinators dropped on this member ({})", partition.coordinators.keySet(),
                    partitionId, why);
            partition.coordinators.clear();
            partition.updateDeadline();
        }
    }

    private static PartitionSpecificRunnable onPartitionThread(int partitionId, Runnable task) {
        return new PartitionSpecificRunnable() {
            @Override
            public int getPartitionId() {
                return partitionId;
            }

            @Override
            public void run() {
                task.run();
            }
        };
    }
}
