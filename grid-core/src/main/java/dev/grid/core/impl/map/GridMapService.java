package dev.grid.core.impl.map;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.internal.partition.ChunkSupplier;
import com.hazelcast.internal.partition.ChunkSuppliers;
import com.hazelcast.internal.partition.ChunkedMigrationAwareService;
import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.internal.partition.MigrationEndpoint;
import com.hazelcast.internal.partition.PartitionMigrationEvent;
import com.hazelcast.internal.partition.PartitionReplicationEvent;
import com.hazelcast.internal.services.DistributedObjectNamespace;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.internal.services.ObjectNamespace;
import com.hazelcast.internal.services.PreJoinAwareService;
import com.hazelcast.internal.services.RemoteService;
import com.hazelcast.internal.services.ServiceNamespace;
import com.hazelcast.internal.services.TransactionalService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.transaction.TransactionalObject;
import com.hazelcast.transaction.impl.Transaction;
import dev.grid.core.GridCounters;
import dev.grid.core.GridEvents;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapEvent;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.config.StructureNames;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.operations.IndexDefinitionsOperation;
import dev.grid.core.impl.map.query.PartitionQuery;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.impl.map.tx.TransactionalGridMapProxy;
import dev.grid.core.spi.EntryBytes;
import dev.grid.core.spi.MapStores;
import dev.grid.core.spi.MapChangeCapture;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The GridMap service of one member: creates proxies (and transactional views: it is a Hazelcast
 * {@link TransactionalService}), holds one {@link MapContainer} per map, and moves partition stores
 * and transactional locks when partitions migrate or backups resynchronise.
 */
public final class GridMapService implements ManagedService, RemoteService, ChunkedMigrationAwareService, TransactionalService, MemberMaps,
        PreJoinAwareService<IndexDefinitionsOperation> {
    public static final String SERVICE_NAME = "grid:mapService";

    private final NodeEngine nodeEngine;
    private final ConcurrentMap<String, MapContainer> containers = new ConcurrentHashMap<>();
    private final MigrationStamp migrations = new MigrationStamp();
    private GridConfig config;
    private GridEvents events;
    private OffHeapBudget budget;
    private GrowthThreads growthThreads;
    private volatile GridCounters counters = GridCounters.NONE;
    private MemberContext member;

    public GridMapService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    /**
     * @return this member's clock ({@link GridConfig#getClock()}) in epoch milliseconds: transactional lock
     *         leases are measured with it (their ends are replicated to backups, so they are wall-clock times)
     */
    public long now() {
        return config.getClock().millis();
    }

    /** @return the clock this member's GridMap logic decides by ({@link GridConfig#getClock()}) */
    public GridClock clock() {
        return config.getClock();
    }

    /**
     * Publishes that the lease of a transaction's lock ended and a write took the key (on the partition's thread).
     *
     * @param nextTransaction the transaction that took the key, or null for a plain write
     */
    public void leaseEnded(String map, int partition, TxnLock lock, UUID nextTransaction) {
        events.publish(new GridMapEvent.TxnLockLeaseEnded(now(), map, partition, lock.txnId(), lock.expiresAt(), nextTransaction));
    }

    /**
     * @return where the changes of maps with change capture on go (grid-log's, registered when its service started),
     *         or null if no module on this member takes them
     */
    public MapChangeCapture changeCapture() {
        return member.find(MapChangeCapture.class).orElse(null);
    }

    public static ObjectNamespace namespace(String mapName) {
        return new DistributedObjectNamespace(SERVICE_NAME, mapName);
    }

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        // A plain Hazelcast member (not started through Grid) serves GridMaps with the defaults.
        MemberContext member = MemberContext.orDefaults(nodeEngine.getConfig().getUserContext());
        this.member = member;
        config = member.config();
        events = member.events();
        member.attach(this);
        budget = new OffHeapBudget(config.getOffHeapBudget());
        growthThreads = new GrowthThreads(nodeEngine.getHazelcastInstance().getName(), nodeEngine.getOperationService());
        ChronicleWarmUp.startInBackground();
    }

    /** @return the map's container on this member, created with the map's settings on first use */
    public MapContainer container(String name) {
        MapContainer container = containers.get(name);
        return container != null ? container : containers.computeIfAbsent(name, this::newContainer);
    }

    /** @return the map's container, or null if this member has never held the map */
    public MapContainer containerOrNull(String name) {
        return containers.get(name);
    }

    private MapContainer newContainer(String name) {
        // every way in (proxies, client tasks, operations from other members) creates its container here
        StructureNames.check("GridMap name", name);
        GridMapConfig mapConfig = config.mapConfig(name);
        MapContainer container = new MapContainer(mapConfig, nodeEngine.getPartitionService().getPartitionCount(),
                config.getBackupCount(), config.getAsyncBackupCount(), budget, growthThreads::forPartition,
                new MapSerialization(name, nodeEngine.getSerializationService()));
        container.useCounters(counters);
        return container;
    }

    /** Switches every map to the grid's current hot-path instruments (see {@link dev.grid.core.GridMetrics#useCounters}). */
    public void useCounters(GridCounters counters) {
        this.counters = counters;
        containers.values().forEach(container -> container.useCounters(counters));
    }

    /** @return the off-heap bytes this member's GridMap stores reserve, all maps together */
    @Override
    public long offHeapReserved() {
        return budget.reserved();
    }

    /** @return {@code grid.offHeapBudget}: the most the stores may reserve (0: no limit) */
    @Override
    public long offHeapBudget() {
        return config.getOffHeapBudget();
    }

    /** @return the names of the maps this member holds (a snapshot) */
    @Override
    public List<String> mapNames() {
        return new ArrayList<>(containers.keySet());
    }

    /** @return this member's statistics of the map */
    @Override
    public MapStores stores(String name) {
        MapContainer container = containers.get(name);
        return container == null ? null : container.stores();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> GridMap<K, V> map(String name) {
        new GridMapConfig(name); // validates the name before anything is created
        return (GridMap<K, V>) nodeEngine.getHazelcastInstance().getDistributedObject(SERVICE_NAME, name);
    }

    @Override
    public CompletionStage<OwnedScan> scanOwnedEntries(String name, int partitionId, GridPredicate candidates,
                                                       Consumer<EntryBytes> visitor) {
        PartitionEntries.check(name, partitionId, nodeEngine.getPartitionService().getPartitionCount(), 1);
        PartitionQuery narrowing = candidates == null ? null : new PartitionQuery(QuerySpec.entries(candidates));
        CompletableFuture<OwnedScan> done = new CompletableFuture<>();
        nodeEngine.getOperationService().execute(new PartitionSpecificRunnable() {
            @Override
            public int getPartitionId() {
                return partitionId;
            }

            @Override
            public void run() {
                try {
                    // on the partition's thread: ownership cannot change, nor the store be written, until this returns
                    IPartition partition = nodeEngine.getPartitionService().getPartition(partitionId, false);
                    if (!partition.isLocal() || partition.isMigrating() || !nodeEngine.isRunning()) {
                        done.complete(OwnedScan.NOT_OWNED);
                        return;
                    }
                    MapContainer container = containers.get(name);
                    PartitionStore store = container == null ? null : container.storeOrNull(partitionId);
                    OwnedScan scan = OwnedScan.SCANNED;
                    if (store != null) {
                        if (narrowing != null && narrowing.visitCandidates(store, (key, value) -> visitor.accept(EntryBytes.of(key, value)))) {
                            scan = OwnedScan.INDEXED;
                        } else {
                            store.forEachEntry(visitor);
                        }
                        container.recordOther();
                    }
                    done.complete(scan);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            }
        });
        return done;
    }

    @Override
    public boolean exists(String name) {
        return containers.containsKey(name) || config.getMaps().containsKey(name)
                || nodeEngine.getProxyService().getDistributedObjectNames(SERVICE_NAME).contains(name);
    }

    @Override
    public GridMapStats stats(String name) {
        MapContainer container = containers.get(name);
        return container == null ? GridMapStats.EMPTY
                : container.stats(p -> nodeEngine.getPartitionService().getPartition(p, false).isLocal());
    }

    @Override
    public DistributedObject createDistributedObject(String name, UUID source, boolean local) {
        new GridMapConfig(name); // validates the name
        return new GridMapProxy<>(name, nodeEngine, this);
    }

    /**
     * A joining member learns every map's index definitions (those added by API included) before it joins, so
     * partitions that reach it empty, and stores it creates later, have the indexes too.
     */
    @Override
    public IndexDefinitionsOperation getPreJoinOperation() {
        Map<String, List<GridIndexConfig>> indexes = indexDefinitions();
        return indexes.isEmpty() ? null : new IndexDefinitionsOperation(indexes);
    }

    /** @return each map's index definitions on this member (maps without any left out) */
    public Map<String, List<GridIndexConfig>> indexDefinitions() {
        Map<String, List<GridIndexConfig>> indexes = new LinkedHashMap<>();
        containers.forEach((name, container) -> {
            if (!container.indexes().isEmpty()) {
                indexes.put(name, container.indexes());
            }
        });
        return indexes;
    }

    // ---- transactions ----

    @Override
    @SuppressWarnings("unchecked")
    public <T extends TransactionalObject> T createTransactionalObject(String name, Transaction transaction) {
        new GridMapConfig(name); // validates the name
        return (T) new TransactionalGridMapProxy<>(name, nodeEngine, this, transaction);
    }

    /**
     * Hazelcast calls this on every member when a transaction's owner (member or client) left
     * before the transaction was prepared: every lock the transaction holds here, as owner or
     * backup, is released on its partition's thread.
     */
    @Override
    public void rollbackTransaction(UUID transactionId) {
        for (MapContainer container : containers.values()) {
            for (int p = 0; p < container.partitionCount(); p++) {
                if (container.locksOrNull(p) != null) {
                    int partitionId = p;
                    nodeEngine.getOperationService().execute(new PartitionSpecificRunnable() {
                        @Override
                        public int getPartitionId() {
                            return partitionId;
                        }

                        @Override
                        public void run() {
                            TxnLockTable locks = container.locksOrNull(partitionId);
                            if (locks != null) {
                                locks.releaseAll(transactionId);
                            }
                        }
                    });
                }
            }
        }
    }

    @Override
    public void destroyDistributedObject(String name, boolean local) {
        MapContainer container = containers.remove(name);
        if (container != null) {
            container.retire();
            closeStoresOnPartitionThreads(container);
        }
    }

    @Override
    public void reset() {
        containers.values().forEach(MapContainer::retire);
        containers.values().forEach(this::closeStoresOnPartitionThreads);
        containers.clear();
    }

    @Override
    public void shutdown(boolean terminate) {
        // The partition threads are stopping; no operation runs any more.
        for (MapContainer container : containers.values()) {
            container.retire();
            for (int p = 0; p < container.partitionCount(); p++) {
                container.dropStore(p);
            }
        }
        containers.clear();
        growthThreads.shutdown();
    }

    /** Stores are only ever closed on their partition's thread, so no operation sees a store closing under it. */
    private void closeStoresOnPartitionThreads(MapContainer container) {
        for (int p = 0; p < container.partitionCount(); p++) {
            if (container.holdsPartition(p)) {
                int partitionId = p;
                nodeEngine.getOperationService().execute(new PartitionSpecificRunnable() {
                    @Override
                    public int getPartitionId() {
                        return partitionId;
                    }

                    @Override
                    public void run() {
                        container.dropStore(partitionId);
                    }
                });
            }
        }
    }

    // ---- migration and backup resynchronisation ----

    @Override
    public Collection<ServiceNamespace> getAllServiceNamespaces(PartitionReplicationEvent event) {
        List<ServiceNamespace> namespaces = new ArrayList<>();
        for (MapContainer container : containers.values()) {
            if (container.holdsPartition(event.getPartitionId()) && container.totalBackups() >= event.getReplicaIndex()) {
                namespaces.add(namespace(container.name()));
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
        return prepareReplicationOperation(event, getAllServiceNamespaces(event));
    }

    @Override
    public Operation prepareReplicationOperation(PartitionReplicationEvent event, Collection<ServiceNamespace> namespaces) {
        if (namespaces.size() != 1) {
            // Hazelcast asks per namespace when fragmented migration is on (grid's default);
            // several at once would need one operation carrying several maps.
            if (namespaces.isEmpty()) {
                return null;
            }
            throw new UnsupportedOperationException("GridMap replicates one map at a time; "
                    + "hazelcast.partition.migration.fragments.enabled must stay true");
        }
        String mapName = ((ObjectNamespace) namespaces.iterator().next()).getObjectName();
        MapContainer container = container(mapName);
        return ReplicationChunks.whole(mapName, container.storeOrNull(event.getPartitionId()),
                container.locksOrNull(event.getPartitionId())).withIndexes(container.indexes());
    }

    @Override
    public ChunkSupplier newChunkSupplier(PartitionReplicationEvent event, Collection<ServiceNamespace> namespaces) {
        List<ChunkSupplier> suppliers = new ArrayList<>();
        for (ServiceNamespace namespace : namespaces) {
            String mapName = ((ObjectNamespace) namespace).getObjectName();
            MapContainer container = container(mapName);
            suppliers.add(new ReplicationChunks(mapName, event.getPartitionId(), event.getReplicaIndex(), nodeEngine,
                    container.storeOrNull(event.getPartitionId()), container.locksOrNull(event.getPartitionId()))
                    .withIndexes(container.indexes()));
        }
        return ChunkSuppliers.newChainedChunkSupplier(suppliers);
    }

    @Override
    public void beforeMigration(PartitionMigrationEvent event) {
        // nothing to prepare: writes to a migrating partition are refused by Hazelcast until it commits; queries that
        // read the member indexes off the partition threads see that one started
        migrations.started();
    }

    @Override
    public void commitMigration(PartitionMigrationEvent event) {
        try {
            commit(event);
        } finally {
            migrations.ended();
        }
    }

    private void commit(PartitionMigrationEvent event) {
        if (event.getMigrationEndpoint() == MigrationEndpoint.SOURCE) {
            dropReplicasBeyond(event.getPartitionId(), event.getNewReplicaIndex());
        }
    }

    @Override
    public void rollbackMigration(PartitionMigrationEvent event) {
        try {
            if (event.getMigrationEndpoint() == MigrationEndpoint.DESTINATION) {
                dropReplicasBeyond(event.getPartitionId(), event.getCurrentReplicaIndex());
            }
        } finally {
            migrations.ended();
        }
    }

    /** @return the count of this member's migrations, for reads off the partition threads ({@link OwnedIndexReads}) */
    MigrationStamp migrations() {
        return migrations;
    }

    /** Drops this member's copy of every map whose backups do not reach the replica index it now holds. */
    private void dropReplicasBeyond(int partitionId, int replicaIndex) {
        for (Map.Entry<String, MapContainer> entry : containers.entrySet()) {
            MapContainer container = entry.getValue();
            if (replicaIndex < 0 || container.totalBackups() < replicaIndex) {
                container.dropStore(partitionId);
            }
        }
    }
}
