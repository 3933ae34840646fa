package dev.grid.stream.impl;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.AbstractProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.spi.MemberContext;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sets one GridMap entry per item, asynchronously, with a bounded number of writes in flight. Every write it started
 * is complete (acknowledged by the owner and its synchronous backups) before it lets a snapshot be taken and before
 * it completes, so a snapshot never covers an item whose write could still be lost.
 *
 * <p>Writes of one key are never in flight together: a write Hazelcast retries (its partition migrating, its owner
 * gone) could otherwise land after a later one and leave an older value (a running total going back). While a key's
 * write is in flight, the key's newest value waits and is written once that write completes (the values in between are
 * overwritten anyway). When the execution ends (a restart after a member left, a cancel) the sink waits for its writes
 * in flight, so none of them lands after the next execution's writes.
 *
 * <p>A write that fails restarts the job from its last snapshot ({@link StreamErrors#failure}): the writes after it are
 * made again, and setting an entry to the value it has changes nothing.
 *
 * <p>Not cooperative: it waits for writes.
 */
final class GridMapSinkP<T, K, V> extends AbstractProcessor {
    /** Writes in flight before the sink waits for them. */
    static final int MAX_IN_FLIGHT = 1_024;
    /** How long the end of an execution waits for the writes in flight. */
    static final long CLOSE_WAIT_SECONDS = 60;

    private final String mapName;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final FunctionEx<? super T, ? extends V> valueFn;
    /** The write in flight per key, in the order they were started. */
    private final Map<K, CompletableFuture<?>> inFlight = new LinkedHashMap<>();
    /** Per key whose write is in flight, the newest value to write after it (empty: delete). */
    private final Map<K, Optional<V>> waiting = new LinkedHashMap<>();
    private GridMap<K, V> map;

    GridMapSinkP(String mapName, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn) {
        this.mapName = mapName;
        this.keyFn = keyFn;
        this.valueFn = valueFn;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        map = MemberContext.of(context.hazelcastInstance()).maps().map(mapName);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        T t = (T) item;
        K key = keyFn.apply(t);
        if (key == null) {
            throw new IllegalArgumentException("GridMap sink '" + mapName + "': the key function returned null for " + item);
        }
        V value = valueFn.apply(t);
        CompletableFuture<?> previous = inFlight.get(key);
        if (previous != null && !previous.isDone()) {
            waiting.put(key, Optional.ofNullable(value));
        } else {
            waiting.remove(key); // an older value that waited for the write now done: this one replaces it
            write(key, value);
        }
        if (inFlight.size() + waiting.size() >= MAX_IN_FLIGHT) {
            awaitWrites();
        }
        return true;
    }

    private void write(K key, V value) {
        CompletableFuture<?> previous = inFlight.remove(key); // a completed write of the key: re-inserted last, in start order
        if (previous != null && previous.isCompletedExceptionally()) {
            throw failure(previous);
        }
        inFlight.put(key, (value == null ? map.deleteAsync(key) : map.setAsync(key, value)).toCompletableFuture());
    }

    /** Without input: the values that waited for a write now done are written (a quiet stream's last values too). */
    @Override
    public boolean tryProcess() {
        if (!waiting.isEmpty()) {
            Iterator<Map.Entry<K, Optional<V>>> values = waiting.entrySet().iterator();
            while (values.hasNext()) {
                Map.Entry<K, Optional<V>> next = values.next();
                CompletableFuture<?> previous = inFlight.get(next.getKey());
                if (previous == null || previous.isDone()) {
                    values.remove();
                    write(next.getKey(), next.getValue().orElse(null));
                }
            }
        }
        return true;
    }

    private RuntimeException failure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("GridMap sink '" + mapName + "': a write failed");
        } catch (CompletionException e) {
            return StreamErrors.failure("GridMap sink '" + mapName + "': a write failed", e.getCause());
        }
    }

    @Override
    public boolean saveToSnapshot() {
        awaitWrites();
        return true;
    }

    @Override
    public boolean complete() {
        awaitWrites();
        return true;
    }

    /** Waits until every write started and every value waiting is written. */
    private void awaitWrites() {
        while (!inFlight.isEmpty()) {
            try {
                CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                inFlight.clear();
                waiting.clear();
                throw StreamErrors.failure("GridMap sink '" + mapName + "': a write failed", e.getCause());
            }
            inFlight.clear();
            Map<K, Optional<V>> next = new LinkedHashMap<>(waiting);
            waiting.clear();
            next.forEach((key, value) -> write(key, value.orElse(null)));
        }
    }

    /** The execution ended: its writes in flight land now, not after the next execution's (values waiting are dropped). */
    @Override
    public void close() {
        waiting.clear();
        try {
            CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a write that failed or did not finish: the next execution writes the key again from its snapshot
        }
        inFlight.clear();
    }
}
