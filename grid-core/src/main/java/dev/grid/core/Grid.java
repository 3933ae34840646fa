package dev.grid.core;

import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.impl.ClientGrid;
import dev.grid.core.impl.EmbeddedGrid;

import java.util.List;
import java.util.Optional;

/**
 * The entry point to a grid cluster. Code written against this interface runs unchanged
 * embedded (a member in this JVM) and as a client of standalone members.
 *
 * <pre>{@code
 * try (Grid grid = Grid.embedded(new GridConfig().setClusterName("orders"))) {
 *     System.out.println(grid.members());
 *     System.out.println(grid.partitions().distribution());
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. {@link #close()} leaves the cluster gracefully: an embedded member
 * hands its partitions over to the others before it stops.
 *
 * @since 0.1
 */
public interface Grid extends AutoCloseable {

    /**
     * Starts a member in this JVM and joins (or forms) the cluster the config names.
     *
     * @param config the member's configuration; validated before anything starts
     * @return the running grid
     * @throws GridConfigException if the configuration is invalid
     * @throws GridException       if the member cannot start (for example, no free port)
     */
    static Grid embedded(GridConfig config) {
        return EmbeddedGrid.start(config);
    }

    /**
     * Connects a client to running members.
     *
     * @param config the client's configuration; validated before connecting
     * @return the connected grid
     * @throws GridConfigException if the configuration is invalid
     * @throws GridException       if no member answers within the configured connect timeout
     */
    static Grid client(GridClientConfig config) {
        return ClientGrid.connect(config);
    }

    /** @return whether this grid is an embedded member or a client */
    GridMode mode();

    /** @return the name of the cluster this grid belongs to */
    String clusterName();

    /** @return this JVM's member when embedded; empty for a client */
    Optional<GridMember> localMember();

    /** @return the cluster's current members, oldest first */
    List<GridMember> members();

    /** @return the partition view: key to partition to owner, and owned counts per member */
    GridPartitions partitions();

    /**
     * The underlying Hazelcast instance (a member or a client), as an escape hatch to Hazelcast's
     * own structures. Shutting it down closes this grid.
     *
     * @return the Hazelcast instance
     */
    HazelcastInstance hazelcast();

    /**
     * A GridMap: off-heap, partitioned, backed up. Created on first use with the settings of
     * {@code grid.maps.<name>} (or the defaults); every call with the same name returns a view of the
     * same map.
     *
     * @param name the map's name: letters, digits, '.', '_' and '-'
     * @param <K>  the key type
     * @param <V>  the value type
     * @return the map
     * @throws GridConfigException if the name is not valid
     */
    <K, V> GridMap<K, V> map(String name);

    /** @return this grid's metrics: GridMap statistics on a member, and whatever else registers */
    GridMetrics metrics();

    /**
     * @return this grid's event bus: grid's modules publish what happens here (transactions, lock
     *         group changes); grid-monitor and applications subscribe
     */
    GridEvents events();

    /**
     * @return the clock this grid's logic decides by: {@link GridConfig#getClock()} on a member,
     *         {@link GridClientConfig#getClock()} on a client ({@link GridClock#SYSTEM} unless set);
     *         modules running on this grid (grid-lock, grid-txn, grid-monitor) read time from it
     */
    GridClock clock();

    /** @return true until this grid is closed (or its member was terminated) */
    boolean isRunning();

    /**
     * Leaves the cluster gracefully and releases every resource. Idempotent.
     */
    @Override
    void close();
}
