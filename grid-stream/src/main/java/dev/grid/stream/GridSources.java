package dev.grid.stream;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.StreamSource;
import dev.grid.core.GridModules;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.MapChange;

import java.util.Map;

/**
 * Jet sources over grid's data, for pipelines run on grid members ({@code grid.jetEnabled}, on wherever grid-stream is
 * on a member's class path).
 *
 * <p>{@link #log} is a distributed stream source: each member reads the log partitions whose cluster partition it
 * owned when the job (or its last restart) began, records below the high watermark only, with the records'
 * timestamps as native event time. Its next offset per partition is part of every Jet snapshot, so a job with
 * {@code EXACTLY_ONCE} that restarts (a member left or joined) replays exactly from the snapshot's offsets.
 *
 * <p>{@link #mapChanges} follows a GridMap with change capture on: {@link #log} over the map's change topic.
 *
 * <p>{@link #gridMap} is a batch source: each member reads the partitions it owns straight from their stores.
 *
 * <p>A topic or map that does not exist fails the job when it initialises, with a message naming it.
 */
public final class GridSources {

    private GridSources() {
    }

    /**
     * @param topic   a log topic (it must exist when the job starts)
     * @param options where to start and when a partition counts as idle
     * @return a stream source of the topic's records, with native timestamps (the records' timestamps)
     */
    public static StreamSource<LogEvent> log(String topic, LogSourceOptions options) {
        return provider().log(topic, options, LogEvent::of);
    }

    /**
     * As {@link #log(String, LogSourceOptions)}, with the records turned into items on the reading member (before
     * anything crosses the network); a projection that returns null drops the record.
     *
     * @param projection a serializable function of a record; its class must be on the members' class path
     */
    public static <T> StreamSource<T> log(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection) {
        return provider().log(topic, options, projection);
    }

    /**
     * Follows a GridMap with change capture on ({@code grid.maps.<name>.changeCapture: true}): the changes in its change
     * topic {@code __changes.<map>}, from the topic's first kept record, as {@link MapChange}s (key and value
     * deserialized on the reading member). Equivalent to {@link #log(String, LogSourceOptions, FunctionEx)} over the change
     * topic: each key's changes come in the order its owner applied them, offsets are in Jet's snapshots, and each
     * change's native timestamp is when the owner applied it. A change may come twice when a map partition's owner
     * failed over (see docs/gridmap.md, change capture); applying the changes in order gives the map as it is.
     *
     * @param map a map with change capture on (its change topic must exist when the job starts: it is created at the
     *            map's first write)
     */
    public static <K, V> StreamSource<MapChange<K, V>> mapChanges(String map) {
        return mapChanges(map, LogSourceOptions.fromEarliest());
    }

    /** As {@link #mapChanges(String)}, starting where {@code options} says when the job has no snapshot. */
    public static <K, V> StreamSource<MapChange<K, V>> mapChanges(String map, LogSourceOptions options) {
        return provider().mapChanges(map, options);
    }

    /**
     * @param name a GridMap (it must exist when the job starts: created by a member or client, or configured)
     * @return a batch source of the map's entries as they are when each partition is read
     */
    public static <K, V> BatchSource<Map.Entry<K, V>> gridMap(String name) {
        return provider().gridMap(name);
    }

    private static Provider provider() {
        return GridModules.provider(Provider.class);
    }

    /** grid-stream's implementation of the sources, found with {@link java.util.ServiceLoader}. */
    public interface Provider {
        /** @return the log source of {@link GridSources#log(String, LogSourceOptions, FunctionEx)} */
        <T> StreamSource<T> log(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection);

        /** @return the change source of {@link GridSources#mapChanges(String, LogSourceOptions)} */
        <K, V> StreamSource<MapChange<K, V>> mapChanges(String map, LogSourceOptions options);

        /** @return the map source of {@link GridSources#gridMap(String)} */
        <K, V> BatchSource<Map.Entry<K, V>> gridMap(String name);
    }
}
