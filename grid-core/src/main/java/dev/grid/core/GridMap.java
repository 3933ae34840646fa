package dev.grid.core;

import dev.grid.core.config.GridIndexConfig;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A partitioned map whose entries live off-heap, in one Chronicle Map per (map, partition) on each
 * replica, partitioned and backed up by the cluster. Obtain one with {@link Grid#map(String)}; the
 * same interface works embedded and on a client.
 *
 * <p>Keys and values are serialized with Hazelcast's serialization (Java {@code Serializable},
 * {@code IdentifiedDataSerializable}, Compact, primitives and strings); two keys are equal when their
 * serialized bytes are. A write returns once the partition's owner and its synchronous backups
 * ({@code backupCount}, default 1) have applied it, so no acknowledged write is lost when up to
 * {@code backupCount} members die. On an embedded member, {@link #get(Object)} of a key whose
 * partition this member owns reads the off-heap store on the caller's thread (no hop to a partition
 * thread) unless that partition is migrating.
 *
 * <p>Null keys and values are rejected with a {@link NullPointerException} naming the argument. A
 * value larger than {@code grid.maps.<name>.maxValueSize} is rejected with an
 * {@link IllegalArgumentException} naming the limit; a partition store that is full and may not grow
 * (the member's {@code grid.offHeapBudget}) throws {@link GridMapFullException}; neither stores
 * anything.
 *
 * <p>Blocking methods are their async counterparts joined; async methods return a
 * {@link CompletionStage} that completes on a grid thread: do not block in its callbacks.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
public interface GridMap<K, V> extends Iterable<Map.Entry<K, V>> {

    /** @return the map's name */
    String name();

    /** @return the value for the key, or null if there is none */
    V get(K key);

    /** @return a stage completing with the value for the key, or null */
    CompletionStage<V> getAsync(K key);

    /**
     * Stores the value and returns the previous one (which costs deserializing it; prefer
     * {@link #set(Object, Object)} when the previous value is not needed).
     *
     * @return the previous value, or null
     */
    V put(K key, V value);

    /** @return a stage completing with the previous value, or null */
    CompletionStage<V> putAsync(K key, V value);

    /** Stores the value, without returning the previous one. */
    void set(K key, V value);

    /** @return a stage completing once the value is stored on the owner and its sync backups */
    CompletionStage<Void> setAsync(K key, V value);

    /** @return the current value if there was one (and nothing was stored), else null (and the value was stored) */
    V putIfAbsent(K key, V value);

    /** @return a stage of {@link #putIfAbsent(Object, Object)}'s result */
    CompletionStage<V> putIfAbsentAsync(K key, V value);

    /** @return the previous value if the key was present (and is now replaced), else null */
    V replace(K key, V value);

    /** @return true if the key held {@code expected} (compared by serialized bytes) and now holds {@code value} */
    boolean replace(K key, V expected, V value);

    /** @return the removed value, or null if there was none */
    V remove(K key);

    /** @return a stage of {@link #remove(Object)}'s result */
    CompletionStage<V> removeAsync(K key);

    /** @return true if the key held {@code expected} (compared by serialized bytes) and was removed */
    boolean remove(K key, V expected);

    /** Removes the key without returning the old value. */
    void delete(K key);

    /** @return a stage completing with true if the key was present */
    CompletionStage<Boolean> deleteAsync(K key);

    /**
     * Stores the value if {@code fence} is at least the highest fence already applied to the key, and
     * records the fence; the check and the write are one atomic step on the key's owner, and the
     * key's highest fence is backed up and migrated with it. Use the fence of a FencedLock that
     * guards the key: a former holder that paused past its lease carries a lower fence than its
     * successor, and its write is refused.
     *
     * @param fence the writer's fence, > 0
     * @throws FencedWriteRejectedException if a higher fence was already applied to the key
     * @throws IllegalArgumentException     if fence is 0 or negative
     */
    void setFenced(K key, V value, long fence);

    /**
     * {@link #setFenced(Object, Object, long)}, returning the previous value.
     *
     * @return the previous value, or null
     */
    V putFenced(K key, V value, long fence);

    /**
     * Removes the key if {@code fence} is at least the highest fence applied to it; the key's highest
     * fence is kept, so a stale holder cannot write the key back afterwards.
     *
     * @return the removed value, or null
     * @throws FencedWriteRejectedException if a higher fence was already applied to the key
     */
    V removeFenced(K key, long fence);

    /** @return true if the map holds the key */
    boolean containsKey(K key);

    /**
     * @param keys keys to look up; one request per partition, run in parallel
     * @return the entries found (absent keys are left out)
     */
    Map<K, V> getAll(Set<K> keys);

    /** Stores every entry: one request per partition, run in parallel, each backed up like a put. */
    void putAll(Map<? extends K, ? extends V> entries);

    /** @return the number of entries across the cluster (a sum over partitions, not a snapshot) */
    int size();

    /** @return true if {@link #size()} is 0 */
    boolean isEmpty();

    /** Removes every entry, on every partition and its backups. */
    void clear();

    /**
     * Runs the processor on the key's partition thread, atomically with respect to every other
     * operation on the key: a read-modify-write without a lock. The processor travels to the owner,
     * so it must be serializable; it must not block.
     *
     * @param <R> the result type
     * @return the processor's result
     */
    <R> R executeOnKey(K key, GridEntryProcessor<K, V, R> processor);

    /** @return a stage of {@link #executeOnKey(Object, GridEntryProcessor)}'s result */
    <R> CompletionStage<R> executeOnKeyAsync(K key, GridEntryProcessor<K, V, R> processor);

    /**
     * Iterates over the entries partition by partition: one partition's entries are fetched at a
     * time, so memory stays bounded by the largest partition. Weakly consistent: entries changed
     * while iterating may or may not be seen; none is seen twice unless its partition migrates.
     *
     * @return an iterator over a moving snapshot; {@code remove()} is not supported
     */
    @Override
    Iterator<Map.Entry<K, V>> iterator();

    /** @return the keys, fetched partition by partition as {@link #iterator()} does */
    Collection<K> keys();

    // ---- indexes and queries ----

    /**
     * Adds an index to the map on every member, for every replica (owner and backups) of every partition,
     * built from the entries already stored; returns once every partition owner and its backups have built
     * it. Adding an index the map already has does nothing. Queries use it from then on; every write keeps
     * it up to date on each replica. An index added here lives as long as the members that hold the map
     * (declare it in {@code grid.maps.<name>.indexes} to have it from the start on every member).
     *
     * @throws IllegalArgumentException naming the attribute if the map's declared {@code valueClass} has no
     *                                  such attribute, or if the map holds values and none of those sampled
     *                                  (up to 16 per partition) has it; nothing is added then
     */
    void addIndex(GridIndexConfig index);

    /**
     * @return the entries whose key and value match the predicate, run on every partition owner in parallel,
     *         using the map's indexes where the predicate allows (else scanning each partition). Each
     *         partition's entries are read at one moment on its owner, and every partition exactly once,
     *         even while partitions migrate; partitions are read at different moments (no cluster-wide snapshot).
     */
    Map<K, V> query(GridPredicate predicate);

    /** @return the keys of the entries matching the predicate, as {@link #query(GridPredicate)} reads them */
    Set<K> keySet(GridPredicate predicate);

    /**
     * One page of the entries matching the predicate, in key order (numbers by value, strings
     * lexicographically, other keys by their own order, as {@link GridPredicate} compares): each partition
     * owner returns its first {@code pageSize + 1} matches after {@code after}, the caller keeps the first
     * {@code pageSize}. A sorted index on {@code __key} serves the key bound.
     *
     * <pre>{@code
     * Integer after = null;
     * GridPage<Integer, Order> page;
     * do {
     *     page = map.queryPage(predicate, 100, after);
     *     page.entries().forEach(this::show);
     *     after = page.lastKey();
     * } while (page.hasNext());
     * }</pre>
     *
     * @param pageSize the most entries on the page, at least 1
     * @param after    the last key of the previous page, or null for the first page
     * @throws IllegalArgumentException if pageSize is below 1
     */
    GridPage<K, V> queryPage(GridPredicate predicate, int pageSize, K after);

    /** @return how many entries match the predicate (from the indexes alone when they answer it) */
    long count(GridPredicate predicate);

    /**
     * @return the aggregate over the entries matching the predicate (see {@link GridAggregation} for the
     *         result types), each partition reduced on its owner
     */
    <R> R aggregate(GridPredicate predicate, GridAggregation aggregation);

    /** @return this member's statistics for the map (empty on a client) */
    GridMapStats localStats();

    /** Removes the map on every member and frees its off-heap memory. Using the map again recreates it empty. */
    void destroy();
}
