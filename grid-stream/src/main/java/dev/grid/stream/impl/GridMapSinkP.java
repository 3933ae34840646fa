package dev.grid.stream.impl;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.AbstractProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.spi.MemberContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sets one GridMap entry per item, asynchronously, with a bounded number of writes in flight. Every write it started
 * is complete (acknowledged by the owner and its synchronous backups) before it lets a snapshot be taken and before
 * it completes, so a snapshot never covers an item whose write could still be lost.
 *
 * <p>A write that fails restarts the job from its last snapshot ({@link StreamErrors#failure}): the writes after it are
 * made again, and setting an entry to the value it has changes nothing.
 *
 * <p>Not cooperative: it waits for writes.
 */
final class GridMapSinkP<T, K, V> extends AbstractProcessor {
    /** Writes in flight before the sink waits for them. */
    static final int MAX_IN_FLIGHT = 1_024;

    private final String mapName;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final FunctionEx<? super T, ? extends V> valueFn;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
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
        inFlight.add((value == null ? map.deleteAsync(key) : map.setAsync(key, value)).toCompletableFuture());
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            awaitWrites();
        }
        return true;
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

    private void awaitWrites() {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw StreamErrors.failure("GridMap sink '" + mapName + "': a write failed", e.getCause());
        } finally {
            inFlight.clear();
        }
    }
}
