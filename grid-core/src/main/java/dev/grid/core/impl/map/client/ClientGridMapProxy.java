package dev.grid.core.impl.map.client;

import dev.grid.core.GridAggregation;
import dev.grid.core.GridPage;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.query.PredicateQueries;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResultBytes;
import dev.grid.core.impl.map.query.QuerySpec;
import com.hazelcast.client.UndefinedErrorCodeException;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.client.impl.spi.ClientContext;
import com.hazelcast.client.impl.spi.ClientProxy;
import com.hazelcast.client.impl.spi.ClientProxyFactory;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.client.impl.spi.impl.ClientInvocationFuture;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.util.ConcurrencyUtil;
import dev.grid.core.GridEntryProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapFullException;
import dev.grid.core.GridMapStats;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.backup.IndeterminateWrites;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.KeyDescriptions;
import dev.grid.core.impl.map.MapSerialization;
import dev.grid.core.impl.map.PartitionByPartitionIterator;
import dev.grid.core.impl.map.PartitionEntries;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.spi.PartitionScan;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * GridMap on a client: each call is one message to the member that owns the key's partition (the
 * client keeps Hazelcast's partition table and routes by it), whose task runs the same operation
 * the member proxy would. getAll and putAll send one message per partition, all at once; size and
 * clear one message that a member fans out to every partition; iteration fetches one partition at
 * a time. Reads are marked retryable: the client sends them again if the connection drops first.
 *
 * <p>A blocking call waits for its response on the caller's thread and decodes it there. An async
 * call's stage completes on the thread that receives the answer, which decodes it: Hazelcast's own
 * futures run callbacks on its default async executor, which starts a thread per callback on a
 * machine with one or two cores (a thread hand-over per call cost about 300 µs per get here, twice
 * IMap's client). Code chained to the stage with the non-async methods runs on that thread too;
 * give long work its own executor ({@code thenApplyAsync(fn, executor)}).
 *
 * <p>Errors: arguments are checked and serialized here, with {@link MapSerialization}'s messages,
 * before anything is sent. An exception an operation throws on the member comes back as the same
 * type with the member's message: Hazelcast's client recreates exceptions it has an error code for
 * ({@link IllegalArgumentException}, {@link NullPointerException}, {@link IllegalStateException},
 * ...) directly, and any other class, {@link GridMapFullException} included, by loading the class
 * named in the error and calling its public {@code (String)} constructor. Should the client's class
 * loader not find the class, Hazelcast hands over an {@link UndefinedErrorCodeException} with the
 * class name and the message; blocking calls turn that back into a {@link GridMapFullException}.
 * Async stages complete with the same exceptions. A blocking call throws the
 * exception itself (not wrapped in a {@code CompletionException}), its stack trace the member's
 * followed by the caller's.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ClientGridMapProxy<K, V> extends ClientProxy implements GridMap<K, V>, PartitionScan<K, V> {

    private final MapSerialization serialization;
    private final PredicateQueries<K, V> queries;

    public ClientGridMapProxy(String name, ClientContext context) {
        super(GridMapService.SERVICE_NAME, StructureNames.check("GridMap name", name), context);
        this.serialization = new MapSerialization(name, context.getSerializationService());
        this.queries = new PredicateQueries<>(this::execute, serialization::toObject);
    }

    /** @return the factory a client config registers for {@link GridMapService#SERVICE_NAME} */
    public static ClientProxyFactory factory() {
        return (name, context) -> new ClientGridMapProxy<>(name, context);
    }

    @Override
    public String name() {
        return name;
    }

    // ---- routing ----

    private ClientInvocationFuture sendToPartition(ClientMessage request, int partitionId) {
        return new ClientInvocation(getClient(), request, name, partitionId).invoke();
    }

    private ClientInvocationFuture sendToKeyOwner(ClientMessage request, Data key) {
        return sendToPartition(request, partitionOf(key));
    }

    /** For map-wide calls: any member runs them over every partition. */
    private ClientInvocationFuture sendToAnyMember(ClientMessage request) {
        return new ClientInvocation(getClient(), request, name).invoke();
    }

    private int partitionCount() {
        return getContext().getPartitionService().getPartitionCount();
    }

    /** An async call's stage: completes on the thread that receives the answer, which decodes it. */
    private static <T> CompletableFuture<T> async(ClientInvocationFuture future, Function<ClientMessage, T> decode) {
        CompletableFuture<T> result = new CompletableFuture<>();
        future.whenCompleteAsync((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(memberFailure(failure));
                return;
            }
            try {
                result.complete(decode.apply(response));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, ConcurrencyUtil.CALLER_RUNS);
        return result;
    }

    private static Throwable memberFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof UndefinedErrorCodeException undefined ? memberException(undefined) : cause;
    }

    /**
     * Waits for a blocking call's response on the caller's thread (no hand-over to another
     * thread, as a delegating future would do), throwing the member's exception as it is, not wrapped.
     */
    private static ClientMessage join(ClientInvocationFuture future) {
        try {
            return future.joinInternal();
        } catch (UndefinedErrorCodeException e) {
            throw memberException(e);
        }
    }

    /** @return grid's own exception type back when the client could not load it (see the class comment) */
    static RuntimeException memberException(UndefinedErrorCodeException e) {
        String className = e.getOriginClassName();
        if (GridMapFullException.class.getName().equals(className)) {
            // Hazelcast prefixes the member's message with the class name; the member's message is what callers expect.
            String prefix = "Class name: " + className + ", Message: ";
            String message = e.getMessage();
            GridMapFullException full = new GridMapFullException(
                    message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            full.initCause(e);
            return full;
        }
        return e;
    }

    /** Decodes the value with grid's direct codec where it applies (no Hazelcast input stream per call). */
    private <T> T value(ClientMessage response) {
        Data value = GridMapCodecs.decodeDataResponse(response);
        return value == null ? null : serialization.toObject(value.toByteArray());
    }

    private ClientInvocationFuture sendToKeyOwner(GridMapMessageType type, Data key) {
        return sendToKeyOwner(GridMapCodecs.encodeKeyRequest(type, name, key), key);
    }

    private ClientInvocationFuture sendToKeyOwner(GridMapMessageType type, K key, Data keyData, V value, String argument) {
        return sendToKeyOwner(GridMapCodecs.encodeKeyValueRequest(type, name, keyData, serialization.value(key, value, argument)),
                keyData);
    }

    // ---- reads ----

    @Override
    public V get(K key) {
        return value(join(sendToKeyOwner(GridMapMessageType.GET, serialization.key(key))));
    }

    @Override
    public CompletionStage<V> getAsync(K key) {
        return async(sendToKeyOwner(GridMapMessageType.GET, serialization.key(key)), this::value);
    }

    @Override
    public boolean containsKey(K key) {
        return GridMapCodecs.decodeBooleanResponse(join(sendToKeyOwner(GridMapMessageType.CONTAINS_KEY, serialization.key(key))));
    }

    @Override
    public Map<K, V> getAll(Set<K> keys) {
        Map<Integer, List<Data>> byPartition = new HashMap<>();
        for (K key : keys) {
            Data keyData = serialization.key(key);
            byPartition.computeIfAbsent(getContext().getPartitionService().getPartitionId(keyData), p -> new ArrayList<>())
                    .add(keyData);
        }
        List<ClientInvocationFuture> futures = new ArrayList<>(byPartition.size());
        byPartition.forEach((partitionId, partitionKeys) ->
                futures.add(sendToPartition(GridMapCodecs.encodeGetAllRequest(name, partitionKeys), partitionId)));
        Map<K, V> result = new HashMap<>();
        for (ClientInvocationFuture future : futures) {
            EntriesResponse found = GridMapCodecs.decodeEntriesResponse(join(future));
            for (int i = 0; i < found.keys().size(); i++) {
                result.put(serialization.toObject(found.keys().get(i)), serialization.toObject(found.values().get(i)));
            }
        }
        return result;
    }

    // ---- writes ----
    // Idempotent writes (set, setFenced, delete, putAll) are sent again after an indeterminate
    // outcome; the others fail with IndeterminateWriteException (see IndeterminateWrites).

    /** Repeated after an indeterminate outcome: the same fence passes the fence check again. */
    @Override
    public void setFenced(K key, V value, long fence) {
        Data keyData = serialization.key(key);
        Data valueData = serialization.value(key, value, "value");
        long checkedFence = serialization.fence(key, fence);
        IndeterminateWrites.retrying(() -> join(sendToKeyOwner(GridMapCodecs.encodeFencedWriteRequest(name, keyData, valueData,
                checkedFence), keyData)), () -> describe("setFenced", key));
    }

    @Override
    public V putFenced(K key, V value, long fence) {
        Data keyData = serialization.key(key);
        return value(joinWrite(sendToKeyOwner(GridMapCodecs.encodeFencedWriteRequest(name, keyData,
                serialization.value(key, value, "value"), serialization.fence(key, fence)), keyData), "putFenced", key));
    }

    @Override
    public V removeFenced(K key, long fence) {
        Data keyData = serialization.key(key);
        return value(joinWrite(sendToKeyOwner(GridMapCodecs.encodeFencedWriteRequest(name, keyData, null,
                serialization.fence(key, fence)), keyData), "removeFenced", key));
    }

    @Override
    public V put(K key, V value) {
        return value(joinWrite(sendToKeyOwner(GridMapMessageType.PUT, key, serialization.key(key), value, "value"), "put", key));
    }

    @Override
    public CompletionStage<V> putAsync(K key, V value) {
        return translating(async(sendToKeyOwner(GridMapMessageType.PUT, key, serialization.key(key), value, "value"),
                this::value), "put", key);
    }

    @Override
    public void set(K key, V value) {
        Data keyData = serialization.key(key);
        ClientMessage request = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.SET, name, keyData,
                serialization.value(key, value, "value"));
        int partitionId = partitionOf(keyData);
        IndeterminateWrites.retrying(() -> join(resend(request, partitionId)), () -> describe("set", key));
    }

    /** Completes on the thread that receives the (last) answer, without a hand-over to another thread. */
    @Override
    public CompletionStage<Void> setAsync(K key, V value) {
        Data keyData = serialization.key(key);
        ClientMessage request = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.SET, name, keyData,
                serialization.value(key, value, "value"));
        int partitionId = partitionOf(keyData);
        return IndeterminateWrites.retryingAsync(() -> async(resend(request, partitionId), ignored -> (Void) null),
                () -> describe("set", key));
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return value(joinWrite(sendToKeyOwner(GridMapMessageType.PUT_IF_ABSENT, key, serialization.key(key), value, "value"),
                "putIfAbsent", key));
    }

    @Override
    public CompletionStage<V> putIfAbsentAsync(K key, V value) {
        return translating(async(sendToKeyOwner(GridMapMessageType.PUT_IF_ABSENT, key, serialization.key(key), value, "value"),
                this::value), "putIfAbsent", key);
    }

    @Override
    public V replace(K key, V value) {
        return value(joinWrite(sendToKeyOwner(GridMapMessageType.REPLACE, key, serialization.key(key), value, "value"),
                "replace", key));
    }

    @Override
    public boolean replace(K key, V expected, V value) {
        Data keyData = serialization.key(key);
        Data expectedData = serialization.value(key, expected, "expected");
        Data valueData = serialization.value(key, value, "value");
        ClientMessage request = GridMapCodecs.encodeReplaceIfSameRequest(name, keyData, expectedData, valueData);
        return GridMapCodecs.decodeBooleanResponse(joinWrite(sendToKeyOwner(request, keyData), "replace", key));
    }

    @Override
    public V remove(K key) {
        return value(joinWrite(sendToKeyOwner(GridMapMessageType.REMOVE, serialization.key(key)), "remove", key));
    }

    @Override
    public CompletionStage<V> removeAsync(K key) {
        return translating(async(sendToKeyOwner(GridMapMessageType.REMOVE, serialization.key(key)), this::value), "remove", key);
    }

    /** The request's value is the expected value. */
    @Override
    public boolean remove(K key, V expected) {
        return GridMapCodecs.decodeBooleanResponse(joinWrite(
                sendToKeyOwner(GridMapMessageType.REMOVE_IF_SAME, key, serialization.key(key), expected, "expected"), "remove", key));
    }

    @Override
    public void delete(K key) {
        Data keyData = serialization.key(key);
        ClientMessage request = GridMapCodecs.encodeKeyRequest(GridMapMessageType.DELETE, name, keyData);
        int partitionId = partitionOf(keyData);
        IndeterminateWrites.retrying(() -> join(resend(request, partitionId)), () -> describe("delete", key));
    }

    /** Not repeated after an indeterminate outcome: a repeat would answer false for a key this call removed. */
    @Override
    public CompletionStage<Boolean> deleteAsync(K key) {
        return translating(async(sendToKeyOwner(GridMapMessageType.DELETE, serialization.key(key)),
                GridMapCodecs::decodeBooleanResponse), "delete", key);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        Map<Integer, List<Data>> keys = new HashMap<>();
        Map<Integer, List<Data>> values = new HashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            Data keyData = serialization.key(entry.getKey());
            Data valueData = serialization.value(entry.getKey(), entry.getValue(), "value");
            int partitionId = getContext().getPartitionService().getPartitionId(keyData);
            keys.computeIfAbsent(partitionId, p -> new ArrayList<>()).add(keyData);
            values.computeIfAbsent(partitionId, p -> new ArrayList<>()).add(valueData);
        }
        List<CompletableFuture<ClientMessage>> futures = new ArrayList<>(keys.size());
        keys.forEach((partitionId, partitionKeys) -> {
            ClientMessage request = GridMapCodecs.encodePutAllRequest(name, partitionKeys, values.get(partitionId));
            futures.add(IndeterminateWrites.<ClientMessage>retryingAsync(() -> resend(request, partitionId),
                    () -> "GridMap '" + name + "': putAll of " + partitionKeys.size() + " keys in partition " + partitionId)
                    .toCompletableFuture());
        });
        for (CompletableFuture<ClientMessage> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof UndefinedErrorCodeException undefined ? memberException(undefined)
                        : cause instanceof RuntimeException runtime ? runtime : e;
            }
        }
    }

    @Override
    public <R> R executeOnKey(K key, GridEntryProcessor<K, V, R> processor) {
        return value(joinWrite(executeOnKeyInternal(key, processor), "executeOnKey", key));
    }

    @Override
    public <R> CompletionStage<R> executeOnKeyAsync(K key, GridEntryProcessor<K, V, R> processor) {
        return translating(async(executeOnKeyInternal(key, processor), this::value), "executeOnKey", key);
    }

    /** The request's value is the serialized processor. */
    private <R> ClientInvocationFuture executeOnKeyInternal(K key, GridEntryProcessor<K, V, R> processor) {
        Data keyData = serialization.key(key);
        return sendToKeyOwner(GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.EXECUTE_ON_KEY, name, keyData,
                serialization.processor(key, processor)), keyData);
    }

    private int partitionOf(Data key) {
        return getContext().getPartitionService().getPartitionId(key);
    }

    /**
     * Sends a request (again) to the owner of a partition: an invocation owns the message it sends,
     * so each attempt sends a copy (its first frame copied, the key and value frames shared).
     */
    private ClientInvocationFuture resend(ClientMessage request, int partitionId) {
        return sendToPartition(request.copyWithNewCorrelationId(0), partitionId);
    }

    /** Waits for a write that is not repeated; an indeterminate outcome becomes {@link dev.grid.core.IndeterminateWriteException}. */
    private ClientMessage joinWrite(ClientInvocationFuture future, String operation, K key) {
        try {
            return join(future);
        } catch (RuntimeException e) {
            throw IndeterminateWrites.translate(e, () -> describe(operation, key));
        }
    }

    private <T> CompletionStage<T> translating(CompletionStage<T> write, String operation, K key) {
        return IndeterminateWrites.translating(write, () -> describe(operation, key));
    }

    private String describe(String operation, K key) {
        return "GridMap '" + name + "': " + operation + " of key " + KeyDescriptions.describe(key);
    }

    // ---- map-wide ----

    @Override
    public int size() {
        long total = GridMapCodecs.decodeLongResponse(
                join(sendToAnyMember(GridMapCodecs.encodeRequest(GridMapMessageType.SIZE, name))));
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public void clear() {
        join(sendToAnyMember(GridMapCodecs.encodeRequest(GridMapMessageType.CLEAR, name)));
    }

    private EntriesResponse fetch(int partitionId, boolean keysOnly) {
        return GridMapCodecs.decodeEntriesResponse(join(sendToPartition(GridMapCodecs.encodeFetchRequest(name, keysOnly),
                partitionId)));
    }

    @Override
    public List<Map.Entry<K, V>> partitionEntries(int partitionId, int limit) {
        PartitionEntries.check(name, partitionId, partitionCount(), limit);
        return PartitionEntries.of(GridMapCodecs.decodeEntriesResponse(join(sendToPartition(GridMapCodecs.encodeFetchRequest(name, false,
                limit), partitionId))), bytes -> serialization.toObject(bytes));
    }

    @Override
    public CompletionStage<List<Map.Entry<K, V>>> partitionEntriesAsync(int partitionId, int limit) {
        PartitionEntries.check(name, partitionId, partitionCount(), limit);
        return async(sendToPartition(GridMapCodecs.encodeFetchRequest(name, false, limit), partitionId),
                response -> PartitionEntries.of(GridMapCodecs.decodeEntriesResponse(response), bytes -> serialization.toObject(bytes)));
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return new PartitionByPartitionIterator<>(partitionCount(), p -> fetch(p, false),
                (key, value) -> new AbstractMap.SimpleImmutableEntry<>(serialization.toObject(key), serialization.toObject(value)));
    }

    @Override
    public Collection<K> keys() {
        return new AbstractCollection<K>() {
            @Override
            public Iterator<K> iterator() {
                return new PartitionByPartitionIterator<>(partitionCount(), p -> fetch(p, true),
                        (key, value) -> serialization.toObject(key));
            }

            @Override
            public int size() {
                return ClientGridMapProxy.this.size();
            }
        };
    }

    // ---- indexes and queries ----

    @Override
    public void addIndex(GridIndexConfig index) {
        Objects.requireNonNull(index, "index must not be null");
        join(sendToAnyMember(GridMapCodecs.encodeAddIndexRequest(name, index.encode())));
    }

    /**
     * @return the combined answer of every partition to the query: each member answers the partitions it owns, straight to
     *         this client; a client with one connection (single-member routing) asks that member, which asks the others
     */
    public QueryResult execute(QuerySpec spec) {
        Data request = getContext().getSerializationService().toData(spec);
        if (getClient().getConnectionManager().getRoutingMode() == RoutingMode.SINGLE_MEMBER) {
            // one connection: the member it reaches asks the others
            Data response = GridMapCodecs.decodeDataResponse(join(sendToAnyMember(GridMapCodecs.encodeQueryRequest(name, request))));
            return getContext().getSerializationService().toObject(response);
        }
        return execute(request, spec, getContext().getPartitionService()::getPartitionOwner);
    }

    /** As {@link #execute(QuerySpec)} with smart routing, with each partition's owner as {@code owners} says (tests give stale ones). */
    QueryResult execute(QuerySpec spec, IntFunction<UUID> owners) {
        return execute(getContext().getSerializationService().toData(spec), spec, owners);
    }

    /**
     * Sends the query to each member for the partitions {@code owners} gives it ({@link OwnerQueries}).
     *
     * @param owners each partition's owner as the client's partition table says (tests give stale ones)
     */
    private QueryResult execute(Data request, QuerySpec spec, IntFunction<UUID> owners) {
        return OwnerQueries.run(spec, partitionCount(), owners, (member, ids) -> {
            ClientMessage message = GridMapCodecs.encodeQueryPartitionsRequest(name, request, ids);
            ClientInvocationFuture answer = member == null ? sendToAnyMember(message)
                    : new ClientInvocation(getClient(), message, name, member).invoke();
            return () -> QueryResultBytes.decode(GridMapCodecs.decodeBytesResponse(join(answer)),
                    extreme -> getContext().getSerializationService().toObject(new HeapData(extreme)));
        });
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

    /** @return {@link GridMapStats#EMPTY}: a client holds no part of the map */
    @Override
    public GridMapStats localStats() {
        return GridMapStats.EMPTY;
    }

    @Override
    public String toString() {
        return "GridMap[" + name + "]";
    }
}
