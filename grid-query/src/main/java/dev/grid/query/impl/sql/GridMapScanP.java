package dev.grid.query.impl.sql;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.sql.impl.row.JetSqlRow;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;
import dev.grid.core.spi.PartitionScan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reads a member's share of a GridMap's partitions (Jet assigns each member the partitions it owns when the query
 * starts), a few partitions at a time. The query's filter and projection run inside the read: on the partition's thread,
 * over each entry as the store hands it over ({@link MemberMaps#scanOwned}), so only matching rows, with only the
 * projected columns, are kept. When the map has an index on a column the filter compares with a constant, the read
 * visits only the entries the index names ({@link IndexTerms}). A partition that moved or is migrating when its turn comes is read once through
 * {@link PartitionScan} from its current owner and filtered on arrival. Up to {@link #IN_FLIGHT} partitions are read at
 * once.
 *
 * <p>Not cooperative: it waits for partition threads.
 */
final class GridMapScanP extends AbstractProcessor {
    /** The {@code lookup} of a scan: no key lookup. */
    static final Object NO_LOOKUP = new Object();
    /** Partitions read at once by one processor: their threads work while the rows of the first go downstream. */
    static final int IN_FLIGHT = 4;

    private final String mapName;
    /** A projector keeps the row it projects: each partition read in flight has its own (a key lookup takes any). */
    private final ArrayDeque<GridMapRowProjector> projectors = new ArrayDeque<>();
    private final SerializationService serialization;
    private final boolean jsonKey;
    private final boolean jsonValue;
    /**
     * Whether the projector is handed the stored bytes, which it deserializes only if the query reads them (neither key
     * nor value is flat JSON, whose reader takes text): a query that reads no key column never deserializes a key.
     */
    private final boolean lazy;
    private final Object lookup;
    private final GridPredicate candidates;
    private MemberMaps maps;
    private PartitionScan<Object, Object> moved;
    private Traverser<JetSqlRow> rows;
    private final ArrayDeque<Integer> notStarted = new ArrayDeque<>();
    private final ArrayDeque<PartitionRead> inFlight = new ArrayDeque<>();

    /**
     * @param lookup     the key of a key lookup ({@code WHERE __key = ?}; null matches nothing), or {@link #NO_LOOKUP}
     * @param candidates the filter's comparisons an index may answer ({@link IndexTerms}), or null
     */
    GridMapScanP(String mapName, Supplier<GridMapRowProjector> projector, SerializationService serialization, boolean jsonKey, boolean jsonValue,
                 Object lookup, GridPredicate candidates) {
        this.mapName = mapName;
        for (int i = 0; i < IN_FLIGHT; i++) {
            projectors.add(projector.get());
        }
        this.serialization = serialization;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
        this.lazy = !jsonKey && !jsonValue;
        this.lookup = lookup;
        this.candidates = candidates;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        maps = MemberContext.of(context.hazelcastInstance()).maps();
        GridMap<Object, Object> map = maps.map(mapName);
        moved = PartitionScan.of(map);
        if (lookup == NO_LOOKUP) {
            for (int partition : context.processorPartitions()) {
                notStarted.add(partition);
            }
            rows = Traversers.empty();
            return;
        }
        // a key lookup: only the processor holding the key's partition (on its owner) reads, and only that key
        rows = Traversers.empty();
        if (lookup != null) {
            int partition = context.hazelcastInstance().getPartitionService().getPartition(lookup).getPartitionId();
            for (int mine : context.processorPartitions()) {
                if (mine == partition) {
                    ScanCounters.LOOKUPS.increment();
                    Object value = map.get(lookup);
                    JetSqlRow row = value == null ? null : project(projectors.peek(), lookup, value);
                    rows = row == null ? Traversers.empty() : Traversers.singleton(row);
                }
            }
        }
    }

    /** Starts reading the partition on its thread; the rows are collected there. */
    private PartitionRead start(int partition) {
        List<JetSqlRow> matching = new ArrayList<>();
        GridMapRowProjector projector = projectors.poll(); // this read's own until it is finished: the partition thread uses it
        long[] entries = new long[1]; // counted here, added to the member's counter once per partition
        CompletableFuture<MemberMaps.OwnedScan> scan = maps.scanOwnedEntries(mapName, partition, candidates, entry -> {
            entries[0]++;
            JetSqlRow row = lazy ? projector.project(entry)
                    : project(projector, serialization.toObject(new HeapData(entry.key(null))),
                            serialization.toObject(new HeapData(entry.value(null))));
            if (row != null) {
                matching.add(row);
            }
        }).toCompletableFuture();
        return new PartitionRead(partition, scan, matching, projector, entries);
    }

    /** @return the partition's matching rows, once read (a partition that moved is read from its owner now) */
    private List<JetSqlRow> finish(PartitionRead read) {
        MemberMaps.OwnedScan scan;
        try {
            scan = read.scan.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            projectors.add(read.projector);
        }
        ScanCounters.ENTRIES_READ.add(read.entries[0]);
        if (scan != MemberMaps.OwnedScan.NOT_OWNED) {
            ScanCounters.OWNED.increment();
            if (scan == MemberMaps.OwnedScan.INDEXED) {
                ScanCounters.INDEXED.increment();
            }
            return read.rows;
        }
        ScanCounters.MOVED.increment();
        List<JetSqlRow> matching = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : moved.partitionEntries(read.partition, Integer.MAX_VALUE)) {
            ScanCounters.ENTRIES_READ.increment();
            JetSqlRow row = project(read.projector, entry.getKey(), entry.getValue());
            if (row != null) {
                matching.add(row);
            }
        }
        return matching;
    }

    /** A partition being read: its rows are filled on the partition's thread and read here once {@code scan} completes. */
    private record PartitionRead(int partition, CompletableFuture<MemberMaps.OwnedScan> scan, List<JetSqlRow> rows,
                                 GridMapRowProjector projector, long[] entries) {
    }

    private JetSqlRow project(GridMapRowProjector projector, Object key, Object value) {
        // flat JSON is read by Hazelcast's JSON target, which takes text: a HazelcastJsonValue is its text
        return projector.project(jsonKey ? json(key) : key, jsonValue ? json(value) : value);
    }

    private static Object json(Object object) {
        return object instanceof HazelcastJsonValue json ? json.getValue() : object;
    }

    /**
     * Emits the rows of the partitions read so far in the order they were started, keeping up to {@link #IN_FLIGHT}
     * partitions being read meanwhile: the partition threads work while rows go downstream, and no more than that many
     * partitions' rows wait in memory.
     */
    @Override
    public boolean complete() {
        while (true) {
            if (!emitFromTraverser(rows)) {
                return false;
            }
            while (inFlight.size() < IN_FLIGHT && !notStarted.isEmpty()) {
                inFlight.add(start(notStarted.poll()));
            }
            if (inFlight.isEmpty()) {
                return true;
            }
            rows = Traversers.traverseIterable(finish(inFlight.poll()));
        }
    }
}
