package dev.grid.core.impl.map;

import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.AbstractDistributedObject;
import com.hazelcast.spi.impl.InternalCompletableFuture;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.OperationService;
import dev.grid.core.GridAggregation;
import dev.grid.core.GridEntryProcessor;
import dev.grid.core.GridException;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridPage;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.backup.IndeterminateWrites;
import dev.grid.core.impl.map.operations.ContainsKeyOperation;
import dev.grid.core.impl.map.operations.DeleteOperation;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.ExecuteOnKeyOperation;
import dev.grid.core.impl.map.operations.FencedWriteOperation;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;
import dev.grid.core.impl.map.operations.GetAllOperation;
import dev.grid.core.impl.map.operations.GetOperation;
import dev.grid.core.impl.map.operations.MapOperationFactory;
import dev.grid.core.impl.map.operations.PutAllOperation;
import dev.grid.core.impl.map.operations.PutIfAbsentOperation;
import dev.grid.core.impl.map.operations.PutOperation;
import dev.grid.core.impl.map.operations.RemoveIfSameOperation;
import dev.grid.core.impl.map.operations.RemoveOperation;
import dev.grid.core.impl.map.operations.ReplaceIfSameOperation;
import dev.grid.core.impl.map.operations.ReplaceOperation;
import dev.grid.core.impl.map.operations.SetOperation;
import dev.grid.core.impl.map.query.PredicateQueries;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;
import dev.grid.core.spi.PartitionScan;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Objects;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GridMap on a member: routes each call to the key's partition, except a {@code get} of a key whose
 * partition this member owns and is not migrating, which reads the off-heap store on the caller's
 * thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GridMapProxy<K, V> extends AbstractDistributedObject<GridMapService> implements GridMap<K, V>, PartitionScan<K, V> {
    /** Marks a local read that could not be served locally. */
    private static final Object NOT_LOCAL = new Object();
    /** One local read in 16 is timed (and counts for 16), so the fast path pays for no clock read most of the time. */
    private static final int TIMING_SAMPLE_MASK = 15;

    private final String name;
    private final GridMapService service;
    private final IPartitionService partitionService;
    private final OperationService operations;
    private final MapSerialization serialization;
    private final PredicateQueries<K, V> queries;
    private volatile MapContainer cachedContainer;

    GridMapProxy(String name, NodeEngine nodeEngine, GridMapService service) {
        super(nodeEngine, service);
        this.name = name;
        this.service = service;
        this.partitionService = nodeEngine.getPartitionService();
        this.operations = nodeEngine.getOperationService();
        this.serialization = new MapSerialization(name, nodeEngine.getSerializationService());
        this.queries = new PredicateQueries<>(this::execute, serialization::toObject);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    private <T> InternalCompletableFuture<T> invoke(Operation operation, Data key) {
        return operations.invokeOnPartition(GridMapService.SERVICE_NAME, operation, partitionService.getPartitionId(key));
    }

    private static <T> T join(InternalCompletableFuture<T> future) {
        return future.joinInternal();
    }

    // ---- reads ----

    @Override
    public V get(K key) {
        Data keyData = serialization.key(key);
        int partitionId = partitionService.getPartitionId(keyData);
        Object local = localGet(keyData, partitionId);
        if (local != NOT_LOCAL) {
            return serialization.toObject((byte[]) local);
        }
        return join(operations.invokeOnPartition(GridMapService.SERVICE_NAME, new GetOperation(name, keyData), partitionId));
    }

    @Override
    public CompletionStage<V> getAsync(K key) {
        Data keyData = serialization.key(key);
        int partitionId = partitionService.getPartitionId(keyData);
        Object local = localGet(keyData, partitionId);
        if (local != NOT_LOCAL) {
            return CompletableFuture.completedFuture(serialization.toObject((byte[]) local));
        }
        return operations.invokeOnPartition(GridMapService.SERVICE_NAME, new GetOperation(name, keyData), partitionId);
    }

    /**
     * Reads the owner's store on the caller's thread when this member owns the key's partition and no
     * migration touches it, before and after the read.
     *
     * @return the value bytes (null if absent), or {@link #NOT_LOCAL} to go through the partition thread
     */
    private Object localGet(Data key, int partitionId) {
        IPartition partition = partitionService.getPartition(partitionId, false);
        if (!partition.isLocal() || partition.isMigrating()) {
            return NOT_LOCAL;
        }
        int version = partition.version();
        MapContainer container = liveContainer();
        if (container == null) {
            return NOT_LOCAL;
        }
        boolean timed = (ThreadLocalRandom.current().nextInt() & TIMING_SAMPLE_MASK) == 0;
        long start = timed ? System.nanoTime() : 0;
        byte[] value;
        try {
            PartitionStore store = container.storeOrNull(partitionId);
            value = store == null ? null : store.get(key.toByteArray());
        } catch (RuntimeException storeClosedMeanwhile) {
            return NOT_LOCAL;
        }
        if (partition.version() != version || !partition.isLocal() || partition.isMigrating()) {
            return NOT_LOCAL;
        }
        container.recordLocalRead(value != null);
        if (timed) {
            container.recordLocalReadNanos(System.nanoTime() - start, TIMING_SAMPLE_MASK + 1);
        }
        return value;
    }

    /** @return the map's container on this member (cached until the map is destroyed), or null if it holds none */
    private MapContainer liveContainer() {
        MapContainer container = cachedContainer;
        if (container == null || !container.isLive()) {
            container = service.containerOrNull(name);
            cachedContainer = container;
        }
        return container;
    }

    @Override
    public boolean containsKey(K key) {
        Data keyData = serialization.key(key);
        return join(invoke(new ContainsKeyOperation(name, keyData), keyData));
    }

    @Override
    public Map<K, V> getAll(Set<K> keys) {
        Map<Integer, List<byte[]>> byPartition = new HashMap<>();
        for (K key : keys) {
            Data keyData = serialization.key(key);
            byPartition.computeIfAbsent(partitionService.getPartitionId(keyData), p -> new ArrayList<>()).add(keyData.toByteArray());
        }
        List<InternalCompletableFuture<EntriesResponse>> futures = new ArrayList<>();
        byPartition.forEach((partitionId, partitionKeys) -> futures.add(
                operations.invokeOnPartition(GridMapService.SERVICE_NAME, new GetAllOperation(name, partitionKeys), partitionId)));
        Map<K, V> result = new HashMap<>();
        for (InternalCompletableFuture<EntriesResponse> future : futures) {
            EntriesResponse found = future.joinInternal();
            for (int i = 0; i < found.keys().size(); i++) {
                result.put(serialization.toObject(found.keys().get(i)), serialization.toObject(found.values().get(i)));
            }
        }
        return result;
    }

    // ---- writes ----
    // Idempotent writes (set, setFenced, delete, putAll) are sent again after an indeterminate
    // outcome; the others fail with IndeterminateWriteException (see IndeterminateWrites).

    @Override
    public V put(K key, V value) {
        return joinWrite(putAsyncInternal(key, value), "put", key);
    }

    @Override
    public CompletionStage<V> putAsync(K key, V value) {
        return IndeterminateWrites.translating(putAsyncInternal(key, value), () -> describe("put", key));
    }

    private InternalCompletableFuture<V> putAsyncInternal(K key, V value) {
        Data keyData = serialization.key(key);
        return invoke(new PutOperation(name, keyData, serialization.value(key, value, "value")), keyData);
    }

    @Override
    public void set(K key, V value) {
        Data keyData = serialization.key(key);
        Data valueData = serialization.value(key, value, "value");
        IndeterminateWrites.retrying(() -> join(this.<Void>invoke(new SetOperation(name, keyData, valueData), keyData)),
                () -> describe("set", key));
    }

    @Override
    public CompletionStage<Void> setAsync(K key, V value) {
        Data keyData = serialization.key(key);
        Data valueData = serialization.value(key, value, "value");
        return IndeterminateWrites.retryingAsync(() -> this.<Void>invoke(new SetOperation(name, keyData, valueData), keyData),
                () -> describe("set", key));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return joinWrite(putIfAbsentInternal(key, value), "putIfAbsent", key);
    }

    @Override
    public CompletionStage<V> putIfAbsentAsync(K key, V value) {
        return IndeterminateWrites.translating(putIfAbsentInternal(key, value), () -> describe("putIfAbsent", key));
    }

    private InternalCompletableFuture<V> putIfAbsentInternal(K key, V value) {
        Data keyData = serialization.key(key);
        return invoke(new PutIfAbsentOperation(name, keyData, serialization.value(key, value, "value")), keyData);
    }

    @Override
    public V replace(K key, V value) {
        Data keyData = serialization.key(key);
        return joinWrite(invoke(new ReplaceOperation(name, keyData, serialization.value(key, value, "value")), keyData),
                "replace", key);
    }

    @Override
    public boolean replace(K key, V expected, V value) {
        Data keyData = serialization.key(key);
        return joinWrite(invoke(new ReplaceIfSameOperation(name, keyData, serialization.value(key, expected, "expected"),
                serialization.value(key, value, "value")), keyData), "replace", key);
    }

    @Override
    public V remove(K key) {
        return joinWrite(removeInternal(key), "remove", key);
    }

    @Override
    public CompletionStage<V> removeAsync(K key) {
        return IndeterminateWrites.translating(removeInternal(key), () -> describe("remove", key));
    }

    private InternalCompletableFuture<V> removeInternal(K key) {
        Data keyData = serialization.key(key);
        return invoke(new RemoveOperation(name, keyData), keyData);
    }

    @Override
    public boolean remove(K key, V expected) {
        Data keyData = serialization.key(key);
        return joinWrite(invoke(new RemoveIfSameOperation(name, keyData, serialization.value(key, expected, "expected")), keyData),
                "remove", key);
    }

    @Override
    public void delete(K key) {
        Data keyData = serialization.key(key);
        IndeterminateWrites.retrying(() -> join(this.<Boolean>invoke(new DeleteOperation(name, keyData), keyData)),
                () -> describe("delete", key));
    }

    /** Not repeated after an indeterminate outcome: a repeat would answer false for a key this call removed. */
    @Override
    public CompletionStage<Boolean> deleteAsync(K key) {
        Data keyData = serialization.key(key);
        return IndeterminateWrites.translating(this.<Boolean>invoke(new DeleteOperation(name, keyData), keyData),
                () -> describe("delete", key));
    }

    /** Repeated after an indeterminate outcome: the same fence passes the fence check again. */
    @Override
    public void setFenced(K key, V value, long fence) {
        Data keyData = serialization.key(key);
        Data valueData = serialization.value(key, value, "value");
        long checkedFence = serialization.fence(key, fence);
        IndeterminateWrites.retrying(() -> join(invoke(new FencedWriteOperation(name, keyData, valueData, checkedFence), keyData)),
                () -> describe("setFenced", key));
    }

    @Override
    public V putFenced(K key, V value, long fence) {
        Data keyData = serialization.key(key);
        return joinWrite(invoke(new FencedWriteOperation(name, keyData, serialization.value(key, value, "value"),
                serialization.fence(key, fence)), keyData), "putFenced", key);
    }

    @Override
    public V removeFenced(K key, long fence) {
        Data keyData = serialization.key(key);
        return joinWrite(invoke(new FencedWriteOperation(name, keyData, null, serialization.fence(key, fence)), keyData),
                "removeFenced", key);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        Map<Integer, List<byte[]>> keys = new HashMap<>();
        Map<Integer, List<byte[]>> values = new HashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            Data keyData = serialization.key(entry.getKey());
            Data valueData = serialization.value(entry.getKey(), entry.getValue(), "value");
            int partitionId = partitionService.getPartitionId(keyData);
            keys.computeIfAbsent(partitionId, p -> new ArrayList<>()).add(keyData.toByteArray());
            values.computeIfAbsent(partitionId, p -> new ArrayList<>()).add(valueData.toByteArray());
        }
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        keys.forEach((partitionId, partitionKeys) -> futures.add(IndeterminateWrites.<Object>retryingAsync(
                () -> operations.invokeOnPartition(GridMapService.SERVICE_NAME,
                        new PutAllOperation(name, partitionKeys, values.get(partitionId)), partitionId),
                () -> "GridMap '" + name + "': putAll of " + partitionKeys.size() + " keys in partition " + partitionId)
                .toCompletableFuture()));
        futures.forEach(GridMapProxy::joinUnwrapped);
    }

    @Override
    public <R> R executeOnKey(K key, GridEntryProcessor<K, V, R> processor) {
        return joinWrite(executeOnKeyInternal(key, processor), "executeOnKey", key);
    }

    @Override
    public <R> CompletionStage<R> executeOnKeyAsync(K key, GridEntryProcessor<K, V, R> processor) {
        return IndeterminateWrites.translating(executeOnKeyInternal(key, processor), () -> describe("executeOnKey", key));
    }

    private <R> InternalCompletableFuture<R> executeOnKeyInternal(K key, GridEntryProcessor<K, V, R> processor) {
        Data keyData = serialization.key(key);
        return invoke(new ExecuteOnKeyOperation(name, keyData, serialization.processor(key, processor)), keyData);
    }

    /** Waits for a write that is not repeated; an indeterminate outcome becomes {@link dev.grid.core.IndeterminateWriteException}. */
    private <T> T joinWrite(InternalCompletableFuture<T> future, String operation, K key) {
        try {
            return future.joinInternal();
        } catch (RuntimeException e) {
            throw IndeterminateWrites.translate(e, () -> describe(operation, key));
        }
    }

    private static void joinUnwrapped(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private String describe(String operation, K key) {
        return "GridMap '" + name + "': " + operation + " of key " + KeyDescriptions.describe(key);
    }

    // ---- map-wide ----

    @Override
    public int size() {
        long total = 0;
        for (Object partitionSize : onAllPartitions(MapOperationFactory.Kind.SIZE).values()) {
            total += (Long) partitionSize;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public void clear() {
        onAllPartitions(MapOperationFactory.Kind.CLEAR);
    }

    private Map<Integer, Object> onAllPartitions(MapOperationFactory.Kind kind) {
        try {
            return operations.invokeOnAllPartitions(GridMapService.SERVICE_NAME, new MapOperationFactory(name, kind));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new GridException("GridMap '" + name + "': " + kind.name().toLowerCase() + " failed: " + e.getMessage(), e);
        }
    }

    private EntriesResponse fetch(int partitionId, boolean keysOnly) {
        return fetch(partitionId, keysOnly, FetchEntriesOperation.ALL);
    }

    private EntriesResponse fetch(int partitionId, boolean keysOnly, int limit) {
        return operations.<EntriesResponse>invokeOnPartition(GridMapService.SERVICE_NAME,
                new FetchEntriesOperation(name, keysOnly, limit), partitionId).joinInternal();
    }

    @Override
    public List<Map.Entry<K, V>> partitionEntries(int partitionId, int limit) {
        PartitionEntries.check(name, partitionId, partitionService.getPartitionCount(), limit);
        return PartitionEntries.of(fetch(partitionId, false, limit), bytes -> serialization.toObject(bytes));
    }

    @Override
    public CompletionStage<List<Map.Entry<K, V>>> partitionEntriesAsync(int partitionId, int limit) {
        PartitionEntries.check(name, partitionId, partitionService.getPartitionCount(), limit);
        return operations.<EntriesResponse>invokeOnPartition(GridMapService.SERVICE_NAME, new FetchEntriesOperation(name, false, limit),
                partitionId).thenApply(response -> PartitionEntries.of(response, bytes -> serialization.toObject(bytes)));
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return new PartitionByPartitionIterator<>(partitionService.getPartitionCount(), p -> fetch(p, false),
                (key, value) -> new AbstractMap.SimpleImmutableEntry<>(serialization.toObject(key), serialization.toObject(value)));
    }

    @Override
    public Collection<K> keys() {
        return new AbstractCollection<K>() {
            @Override
            public Iterator<K> iterator() {
                return new PartitionByPartitionIterator<>(partitionService.getPartitionCount(), p -> fetch(p, true),
                        (key, value) -> serialization.toObject(key));
            }

            @Override
            public int size() {
                return GridMapProxy.this.size();
            }
        };
    }

    // ---- indexes and queries ----

    @Override
    public void addIndex(GridIndexConfig index) {
        Objects.requireNonNull(index, "index must not be null");
        MapQueries.addIndex(operations, getNodeEngine().getSerializationService(), getNodeEngine().getClusterService().getMembers(),
                service.container(name), index);
    }

    /** @return the combined answer of every partition to the query (for tests: {@code spec.scanOnly()} ignores indexes) */
    public QueryResult execute(QuerySpec spec) {
        return MapQueries.run(getNodeEngine(), name, spec);
    }

    /** @return the key or value stored as these bytes (for answers of {@link #execute(QuerySpec)}) */
    public <T> T deserialize(byte[] stored) {
        return serialization.toObject(stored);
    }

    @Override
    public Map<K, V> query(GridPredicate predicate) {
        return queries.query(predicate);
    }

    @Override
    public GridPage<K, V> queryPage(GridPredicate predicate, int pageSize, K after) {
        return queries.queryPage(predicate, pageSize, after);
    }

    @Override
    public Set<K> keySet(GridPredicate predicate) {
        return queries.keySet(predicate);
    }

    @Override
    public long count(GridPredicate predicate) {
        return queries.count(predicate);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R aggregate(GridPredicate predicate, GridAggregation aggregation) {
        return (R) queries.aggregate(predicate, aggregation);
    }

    @Override
    public GridMapStats localStats() {
        return service.stats(name);
    }

    @Override
    public String toString() {
        return "GridMap[" + name + "]";
    }
}
