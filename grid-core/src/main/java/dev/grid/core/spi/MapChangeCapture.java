package dev.grid.core.spi;

import dev.grid.core.config.GridMapConfig;

import java.util.concurrent.CompletionStage;

/**
 * Where the owner of a GridMap partition appends the changes of a map with change capture on
 * ({@link GridMapConfig#isChangeCapture()}). grid-log implements it (each change becomes a record of the map's change
 * topic) and registers it in the {@link MemberContext} from its service's {@code init}; grid-core finds it there with
 * {@link MemberContext#find(Class)}, so grid-core does not depend on grid-log.
 *
 * <p>Both methods are called on the partition's thread and must not block. The order of {@link #append} calls for one
 * key is the order of the key's writes on its owner, and the implementation must store a key's changes in that order.
 */
public interface MapChangeCapture {

    /**
     * Whether changes of the map can be appended now, checked before a write runs. When they cannot (the map's change
     * topic is being created, or appends are backed up), the write is refused without being applied and Hazelcast's
     * invocation sends it again a little later. The call starts whatever makes the map ready.
     *
     * @param map the map's settings
     * @return null if {@link #append} may be called now, else why not (for the error a caller sees if it never gets ready)
     */
    String notReady(GridMapConfig map);

    /**
     * Appends one change.
     *
     * @return completed once the change is stored as durably as the implementation promises (for grid-log: held by the
     *         change topic's synchronous backups), or exceptionally if it could not be
     */
    CompletionStage<?> append(Change change);

    /**
     * One change of one key, as the owner applied it.
     *
     * @param map       the map's settings
     * @param kind      a put (the key now holds {@code value}) or a removal
     * @param call      the map call that made the change ({@code set}, {@code put}, {@code putAll}, {@code executeOnKey},
     *                  {@code transaction}, {@code clear}, ...)
     * @param key       the key's serialized bytes (Hazelcast's {@code Data} format), as the map stores them
     * @param value     the new value's serialized bytes; null for a removal
     * @param timestamp the owner's clock when it applied the change, epoch milliseconds
     */
    record Change(GridMapConfig map, Kind kind, String call, byte[] key, byte[] value, long timestamp) {
    }

    /** What a change did to its key. */
    enum Kind {
        /** The key now holds the change's value. */
        PUT,
        /** The key was removed. */
        REMOVE
    }
}
