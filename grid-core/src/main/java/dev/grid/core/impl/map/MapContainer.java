package dev.grid.core.impl.map;

import dev.grid.core.GridCounters;
import dev.grid.core.GridMapStats;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.map.query.MemberIndexes;
import dev.grid.core.impl.map.query.PartitionIndexes;
import dev.grid.core.impl.map.table.GrowthStats;
import dev.grid.core.impl.map.table.GrowthTasks;
import dev.grid.core.spi.GrowthSnapshot;
import dev.grid.core.spi.MapStores;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * One GridMap on one member: its settings, its statistics, and its partition stores (created on the
 * partition thread on first write at the map's initial sizing, grown as they fill, read from any
 * thread).
 */
public final class MapContainer {
    private final String name;
    private final GridMapConfig config;
    private final int syncBackups;
    private final int asyncBackups;
    private final long capacityPerPartition;
    private final AtomicReferenceArray<PartitionStore> stores;
    /** Transactional locks per partition replica, created on the partition thread on first use. */
    private final AtomicReferenceArray<TxnLockTable> locks;
    private final MapStatsCounters stats = new MapStatsCounters();
    private final GrowthStats growth = new GrowthStats();
    private final LongAdder queriesByIndex = new LongAdder();
    private final LongAdder queriesByScan = new LongAdder();
    private final LongAdder queriesByMemberIndex = new LongAdder();

    private final OffHeapBudget budget;
    /** Where each partition's stores create and close tables (background) and move entries (partition thread). */
    private final IntFunction<GrowthTasks> growthTasks;
    /** Counters and timers of the monitor, when one is present (no-ops otherwise). */
    private volatile MapInstruments instruments = MapInstruments.NONE;
    /** The map's indexes on this member: declared in its config, added by API, or learnt from a replica that arrived. */
    private final List<GridIndexConfig> indexes = new CopyOnWriteArrayList<>();
    /** The map's indexes over every replica this member holds, which its partitions' indexes mirror into. */
    private final MemberIndexes memberIndexes;
    /** Deserializes stored keys and values for the indexes and queries. */
    private final MapSerialization serialization;
    /** False once the map was destroyed (or the member reset): proxies that cached this container look it up again. */
    private volatile boolean live = true;

    MapContainer(GridMapConfig config, int partitionCount, int clusterSyncBackups, int clusterAsyncBackups, OffHeapBudget budget,
                 IntFunction<GrowthTasks> growthTasks, MapSerialization serialization) {
        this.serialization = serialization;
        this.indexes.addAll(config.getIndexes());
        this.budget = budget;
        this.growthTasks = growthTasks;
        this.name = config.getName();
        this.config = config;
        this.syncBackups = config.getBackupCount().orElse(clusterSyncBackups);
        this.asyncBackups = config.getAsyncBackupCount().orElse(clusterAsyncBackups);
        this.capacityPerPartition = capacityPerPartition(config.getEntries(), partitionCount);
        this.stores = new AtomicReferenceArray<>(partitionCount);
        this.locks = new AtomicReferenceArray<>(partitionCount);
        this.memberIndexes = new MemberIndexes(partitionCount);
    }

    /** @return the map's indexes over every replica this member holds (read by queries from any thread) */
    public MemberIndexes memberIndexes() {
        return memberIndexes;
    }

    /**
     * Entries one partition store is sized for at first: the map's share per partition, with headroom
     * for an uneven spread of keys (which grows as the share shrinks), and a floor. A store grows past
     * it (doubling) when it fills.
     */
    static long capacityPerPartition(long entries, int partitionCount) {
        double share = (double) entries / partitionCount;
        return Math.max(128, (long) Math.ceil(share * 1.25 + 6 * Math.sqrt(share)));
    }

    public boolean isLive() {
        return live;
    }

    void retire() {
        live = false;
    }

    public String name() {
        return name;
    }

    public GridMapConfig config() {
        return config;
    }

    public int syncBackups() {
        return syncBackups;
    }

    public int asyncBackups() {
        return asyncBackups;
    }

    public int totalBackups() {
        return syncBackups + asyncBackups;
    }

    /** @return the store of the partition, or null if this member holds none (any thread) */
    public PartitionStore storeOrNull(int partitionId) {
        return stores.get(partitionId);
    }

    /**
     * @return the store of the partition, created if needed (partition thread only)
     * @throws dev.grid.core.GridMapFullException naming the budget if the member's off-heap budget refuses it
     */
    public PartitionStore store(int partitionId) {
        PartitionStore store = stores.get(partitionId);
        if (store == null) {
            // Serialized keys carry an 8-byte header (partition hash, type id) before the payload.
            store = new PartitionStore(name, partitionId, capacityPerPartition,
                    config.getAverageKeySize() + 8, config.getAverageValueSize() + 8,
                    budget.forStore(name, partitionId), growthTasks.apply(partitionId), growth);
            PartitionIndexes partitionIndexes = new PartitionIndexes(serialization::toObject, memberIndexes, partitionId);
            store.useIndexes(partitionIndexes);
            for (GridIndexConfig index : indexes) {
                store.addIndex(index);
            }
            stores.set(partitionId, store);
        }
        return store;
    }

    /** @return the map's index definitions on this member */
    public List<GridIndexConfig> indexes() {
        return List.copyOf(indexes);
    }

    /**
     * Records an index definition (any thread); stores created from now on build it. Existing stores get it
     * from {@link #ensureIndexes(int)} on their partition thread.
     *
     * @return whether it was new here
     */
    public synchronized boolean defineIndex(GridIndexConfig index) {
        if (indexes.contains(index)) {
            return false;
        }
        indexes.add(index);
        return true;
    }

    /** Builds, in the partition's store if there is one, every defined index it lacks (partition thread only). */
    public void ensureIndexes(int partitionId) {
        PartitionStore store = stores.get(partitionId);
        if (store != null) {
            for (GridIndexConfig index : indexes) {
                store.addIndex(index);
            }
        }
    }

    /** @return how stored keys and values are deserialized here */
    public MapSerialization serialization() {
        return serialization;
    }

    /** @return the entries each partition store is sized for when it is created */
    public long initialCapacityPerPartition() {
        return capacityPerPartition;
    }

    /** @return how this member's stores of the map grew so far */
    public GrowthSnapshot growthStats() {
        return growth.snapshot();
    }

    /** @return the partition's transactional locks, or null if none was ever taken here */
    public TxnLockTable locksOrNull(int partitionId) {
        return locks.get(partitionId);
    }

    /** @return the partition's transactional locks, created if needed (partition thread only) */
    public TxnLockTable locks(int partitionId) {
        TxnLockTable table = locks.get(partitionId);
        if (table == null) {
            table = new TxnLockTable();
            locks.set(partitionId, table);
        }
        return table;
    }

    /** @return whether this member holds anything of the partition for this map: entries or transactional locks */
    public boolean holdsPartition(int partitionId) {
        TxnLockTable table = locks.get(partitionId);
        return stores.get(partitionId) != null || (table != null && !table.isEmpty());
    }

    /** Drops the partition's store and transactional locks, and frees the store's memory (partition thread only). */
    public void dropStore(int partitionId) {
        locks.set(partitionId, null);
        PartitionStore store = stores.getAndSet(partitionId, null);
        if (store != null) {
            store.close();
        }
    }

    /** Switches to the grid's current hot-path instruments (looked up once here, not per operation). */
    void useCounters(GridCounters counters) {
        instruments = MapInstruments.of(counters, name);
    }

    public void recordGet(boolean hit, long nanos) {
        stats.recordGet(hit, nanos);
        MapInstruments i = instruments;
        (hit ? i.hits : i.misses).increment();
        i.getTime.record(nanos, 1);
    }

    /**
     * A get served on the caller's thread by the local fast path: one counter increment; the time is
     * sampled by the caller (see {@link #recordLocalReadNanos(long, int)}).
     */
    public void recordLocalRead(boolean hit) {
        (hit ? stats.localHits : stats.localMisses).increment();
        MapInstruments i = instruments;
        (hit ? i.hits : i.misses).increment();
    }

    /** Adds the time of one sampled local fast-path read, standing for {@code weight} reads. */
    public void recordLocalReadNanos(long nanos, int weight) {
        stats.getNanos.add(nanos * weight);
        instruments.getTime.record(nanos, weight);
    }

    public void recordPut(long nanos) {
        stats.recordPut(nanos);
        MapInstruments i = instruments;
        i.puts.increment();
        i.putTime.record(nanos, 1);
    }

    public void recordPuts(int count, long nanos) {
        stats.puts.add(count);
        stats.putNanos.add(nanos);
        MapInstruments i = instruments;
        i.puts.add(count);
        if (count > 0) {
            i.putTime.record(nanos / count, count);
        }
    }

    public void recordRemove(long nanos) {
        stats.recordRemove(nanos);
        MapInstruments i = instruments;
        i.removes.increment();
        i.removeTime.record(nanos, 1);
    }

    /** Counts one partition's answer to a query, by index or by scan. */
    public void recordQuery(boolean indexed) {
        (indexed ? queriesByIndex : queriesByScan).increment();
    }

    /** Counts partitions answered from the member indexes (off their threads), which are answers by index too. */
    public void recordMemberIndexQueries(int partitions) {
        queriesByIndex.add(partitions);
        queriesByMemberIndex.add(partitions);
    }

    /** @return partitions this member answered from its member indexes so far (counted in {@link #partitionQueriesByIndex} too) */
    public long partitionQueriesByMemberIndex() {
        return queriesByMemberIndex.sum();
    }

    /** @return partitions this member answered from indexes so far */
    public long partitionQueriesByIndex() {
        return queriesByIndex.sum();
    }

    /** @return partitions this member answered by scanning so far */
    public long partitionQueriesByScan() {
        return queriesByScan.sum();
    }

    public void recordOther() {
        stats.others.increment();
        instruments.others.increment();
    }

    public int partitionCount() {
        return stores.length();
    }

    GridMapStats stats(java.util.function.IntPredicate isPrimary) {
        long primary = 0;
        long backup = 0;
        long reserved = 0;
        long used = 0;
        for (int p = 0; p < stores.length(); p++) {
            PartitionStore store = stores.get(p);
            if (store == null || !store.isOpen()) {
                continue;
            }
            try {
                long size = store.size();
                if (isPrimary.test(p)) {
                    primary += size;
                } else {
                    backup += size;
                }
                reserved += store.offHeapReserved();
                used += store.offHeapUsed();
            } catch (RuntimeException closedMeanwhile) {
                // a migration or destroy closed it while we looked: it holds nothing any more
            }
        }
        MapStatsCounters c = stats;
        long localHits = c.localHits.sum();
        long localMisses = c.localMisses.sum();
        return new GridMapStats(primary, backup, reserved, used, c.gets.sum() + localHits + localMisses,
                c.hits.sum() + localHits, c.misses.sum() + localMisses, c.puts.sum(), c.removes.sum(), c.others.sum(),
                localHits + localMisses, c.getNanos.sum(), c.putNanos.sum(), c.removeNanos.sum());
    }

    /** @return the map's stores on this member now: count, entries, capacities, reservation, growth */
    public MapStores stores() {
        int stores = 0;
        long entries = 0;
        long minCapacity = Long.MAX_VALUE;
        long maxCapacity = 0;
        long reserved = 0;
        boolean growing = false;
        for (int p = 0; p < partitionCount(); p++) {
            PartitionStore store = storeOrNull(p);
            if (store == null) {
                continue;
            }
            try {
                long capacity = store.capacity();
                reserved += store.offHeapReserved();
                entries += store.size();
                growing |= store.isGrowing();
                minCapacity = Math.min(minCapacity, capacity);
                maxCapacity = Math.max(maxCapacity, capacity);
                stores++;
            } catch (RuntimeException closedMeanwhile) {
                // the store was closed (migrated away, map destroyed) while we looked
            }
        }
        return new MapStores(stores, entries, initialCapacityPerPartition(), stores == 0 ? 0 : minCapacity, maxCapacity, reserved, growing,
                growthStats());
    }
}
