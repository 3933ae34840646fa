package dev.grid.core.spi;

import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridPredicate;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The GridMaps a member holds, as monitoring sees them: names, statistics and off-heap use. */
public interface MemberMaps {
    /** @return the names of the maps this member holds (a snapshot) */
    List<String> mapNames();

    /**
     * @param name a map's name
     * @return the map's statistics on this member (empty if it has never held the map)
     */
    GridMapStats stats(String name);

    /**
     * @param name a map's name
     * @return the map's partition stores on this member, or null if it has never held the map
     */
    MapStores stores(String name);

    /**
     * A map as member-side code reads it (its member proxy, created if new), for modules that hold only the
     * member's Hazelcast instance (a query's processors, say); {@link PartitionScan#of} reads it partition by partition.
     *
     * @param name a map's name
     * @return the map
     * @throws dev.grid.core.config.GridConfigException if the name is not valid
     */
    <K, V> GridMap<K, V> map(String name);

    /**
     * @param name a map's name
     * @return whether the map exists: some member or client has created it, or {@code grid.maps.<name>} configures it
     */
    boolean exists(String name);

    /**
     * Reads one partition of a map where it lives, if this member owns it now: on the partition's thread, straight from
     * the partition's store, with no operation and no response in between. {@code visitor} gets each entry's key and
     * value as serialized bytes (Hazelcast's {@code Data} format: {@code new HeapData(bytes)} reads them), in the store's
     * order; no write to the partition runs meanwhile, so the visit sees one state of the partition. Keep the visitor
     * short: the partition's operations wait for it. A partition this member does not own, or that is migrating, is
     * not read: read it with {@link PartitionScan#partitionEntries} instead, which goes to the owner.
     *
     * @param name        a map's name
     * @param partitionId a partition, 0 to the partition count - 1
     * @param visitor     called once per entry, on the partition's thread
     * @return completed with true once every entry has been visited, or with false (nothing visited) if this member
     *         does not own the partition now; completed exceptionally with what the visitor threw
     * @throws IllegalArgumentException naming the map and the value, for a partition out of range
     */
    default CompletionStage<Boolean> scanOwned(String name, int partitionId, BiConsumer<byte[], byte[]> visitor) {
        return scanOwned(name, partitionId, null, visitor).thenApply(scan -> scan != OwnedScan.NOT_OWNED);
    }

    /**
     * As {@link #scanOwned(String, int, BiConsumer)}, but when the map's indexes in the partition can narrow
     * {@code candidates}, visits only the entries they name: every entry matching {@code candidates}, and possibly
     * others (terms no index answers are not checked). The caller must still filter what it is handed; a scan with an
     * index visits no entry outside the indexed terms' matches. Without a usable index every entry is visited.
     *
     * @param candidates a predicate over the values' attributes (as {@code GridMap.query} takes), or null: every entry
     * @return completed with how the partition was read ({@link OwnedScan#NOT_OWNED}: not at all)
     */
    default CompletionStage<OwnedScan> scanOwned(String name, int partitionId, GridPredicate candidates,
                                                 BiConsumer<byte[], byte[]> visitor) {
        return scanOwnedEntries(name, partitionId, candidates, entry -> visitor.accept(entry.key(null), entry.value(null)));
    }

    /**
     * As {@link #scanOwned(String, int, GridPredicate, BiConsumer)}, but each entry is handed over in the store, its key
     * and value copied out only if the visitor asks ({@link EntryBytes}), into arrays it may reuse from one entry to the
     * next: a scan that reads only values, into one array of their size, copies no key and allocates nothing per entry.
     * The entry is valid only during the visitor's call.
     *
     * @param candidates a predicate over the values' attributes, or null: every entry
     * @param visitor    called once per entry, on the partition's thread
     * @return completed with how the partition was read ({@link OwnedScan#NOT_OWNED}: not at all)
     */
    CompletionStage<OwnedScan> scanOwnedEntries(String name, int partitionId, GridPredicate candidates, Consumer<EntryBytes> visitor);

    /** How {@link #scanOwned(String, int, GridPredicate, BiConsumer)} read a partition. */
    enum OwnedScan {
        /** This member does not own the partition now, or it is migrating: nothing visited. */
        NOT_OWNED,
        /** The indexes named the entries visited. */
        INDEXED,
        /** Every entry of the partition was visited. */
        SCANNED
    }

    /** @return off-heap bytes reserved by every map's stores on this member */
    long offHeapReserved();

    /** @return the member's off-heap budget in bytes ({@code grid.offHeapBudget}; 0: none) */
    long offHeapBudget();
}
