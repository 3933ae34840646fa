package dev.grid.stream;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.pipeline.Sink;
import dev.grid.core.GridModules;

/**
 * Jet sinks into grid's data. {@link #gridMap} sets one entry per item: a set of the same key to the same value is
 * idempotent, so after a job restarts from a snapshot and emits again what it emitted after that snapshot, the map
 * ends as if it had been written once. With a deterministic pipeline (windowed aggregates keyed by key and window,
 * say) fed by an exactly-once source, the map's content is exactly once.
 */
public final class GridSinks {

    private GridSinks() {
    }

    /**
     * @param name    a GridMap (it must exist when the job starts)
     * @param keyFn   the entry's key of an item
     * @param valueFn the entry's value of an item (null deletes the key)
     * @return a sink that sets each item's entry; its writes are complete before each snapshot is taken
     */
    public static <T, K, V> Sink<T> gridMap(String name, FunctionEx<? super T, ? extends K> keyFn,
                                            FunctionEx<? super T, ? extends V> valueFn) {
        return GridModules.provider(Provider.class).gridMap(name, keyFn, valueFn);
    }

    /** grid-stream's implementation of the sinks, found with {@link java.util.ServiceLoader}. */
    public interface Provider {
        /** @return the sink of {@link GridSinks#gridMap} */
        <T, K, V> Sink<T> gridMap(String name, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn);
    }
}
