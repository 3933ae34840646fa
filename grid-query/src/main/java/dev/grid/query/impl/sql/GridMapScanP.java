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
 * over each entry as the store hands it over ({@link MemberMaps#scanOwnedEntries}), so only matching rows, with only the
 * projected columns, are kept. When the map has an index on a column the filter compares with a constant, the read
 * visits only the entries the index names ({@link IndexTerms}). A partition that moved or is migrating when its turn
 * comes is read once through {@link PartitionScan#partitionEntriesAsync} from its current owner and filtered as its rows
 * are emitted. Up to {@link #IN_FLIGHT} partitions are read at once.
 *
 * <p>Cooperative: it never waits. The partition threads do the reading; this processor only starts reads, and emits
 * the rows of the oldest one once it has finished, returning from {@link #complete()} meanwhile. So it runs on Jet's
 * cooperative threads next to the aggregation it feeds, rather than on a thread of its own that parks for every
 * partition: in an in-process probe (300,000 entries, {@code SELECT SUM(price)}) that took a query from 193-200 to
 * 161-164 ms of CPU.
 */
final class GridMapScanP extends AbstractProcessor {
    /** The {@code lookup} of a scan: no key lookup. */
    static final Object NO_LOOKUP = new Object();
    /** Partitions read at once by one processor: their threads work while the rows of the first go downstream. */
    static final int IN_FLIGHT = 4;

    private final String mapName;
    /** A projector keeps the row it projects: each partition read in flight has its own. */
    private final ArrayDeque<GridMapRowProjector> projectors = new ArrayDeque<>();
    /** This processor's own: for a key lookup and for the rows of a partition read from its owner, on this thread. */
    private final GridMapRowProjector own;
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
        this.own = projector.get();
        this.serialization = serialization;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
        this.lazy = !jsonKey && !jsonValue;
        this.lookup = lookup;
        this.candidates = candidates;
    }

    @Override
    public boolean isCooperative() {
        return true;
    }

    /** Jet allows {@code init} to block, even in a cooperative processor: a key lookup reads its key here. */
    @Override
    protected void init(Context context) {
        maps = MemberContext.of(context.hazelcastInstance()).maps();
        GridMap<Object, Object> map = maps.map(mapName);
        moved = PartitionScan.of(map);
        rows = Traversers.empty();
        if (lookup == NO_LOOKUP) {
            for (int partition : context.processorPartitions()) {
                notStarted.add(partition);
            }
            return;
        }
        // a key lookup: only the processor holding the key's partition (on its owner) reads, and only that key
        if (lookup != null) {
            int partition = context.hazelcastInstance().getPartitionService().getPartition(lookup).getPartitionId();
            for (int mine : context.processorPartitions()) {
                if (mine == partition) {
                    ScanCounters.LOOKUPS.increment();
                    Object value = map.get(lookup);
                    JetSqlRow row = value == null ? null : project(own, lookup, value);
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

    /**
     * @return the partition's rows once it has been read, or null while it is still being read; a partition this member
     *         did not own when its turn came is then read from its owner, and its rows are projected as they are emitted
     */
    private Traverser<JetSqlRow> rowsIfRead(PartitionRead read) {
        if (read.fromOwner == null) {
            if (!read.scan.isDone()) {
                return null;
            }
            projectors.add(read.projector); // the partition thread is done with it
            MemberMaps.OwnedScan scan = joinDone(read.scan);
            ScanCounters.ENTRIES_READ.add(read.entries[0]);
            if (scan != MemberMaps.OwnedScan.NOT_OWNED) {
                ScanCounters.OWNED.increment();
                if (scan == MemberMaps.OwnedScan.INDEXED) {
                    ScanCounters.INDEXED.increment();
                }
                return Traversers.traverseIterable(read.rows);
            }
            ScanCounters.MOVED.increment();
            read.fromOwner = moved.partitionEntriesAsync(read.partition, Integer.MAX_VALUE).toCompletableFuture();
        }
        if (!read.fromOwner.isDone()) {
            return null;
        }
        return Traversers.traverseIterable(joinDone(read.fromOwner)).map(entry -> {
            ScanCounters.ENTRIES_READ.increment();
            return project(own, entry.getKey(), entry.getValue()); // null (filtered out): the traverser skips it
        });
    }

    /** @return the result of a completed future; its failure is the query's */
    private static <T> T joinDone(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A partition being read: its rows are filled on the partition's thread and read here once {@code scan} completes. */
    private static final class PartitionRead {
        final int partition;
        final CompletableFuture<MemberMaps.OwnedScan> scan;
        final List<JetSqlRow> rows;
        final GridMapRowProjector projector;
        final long[] entries;
        /** The read from the partition's owner, once this member turned out not to own it; null before. */
        CompletableFuture<List<Map.Entry<Object, Object>>> fromOwner;

        PartitionRead(int partition, CompletableFuture<MemberMaps.OwnedScan> scan, List<JetSqlRow> rows, GridMapRowProjector projector,
                      long[] entries) {
            this.partition = partition;
            this.scan = scan;
            this.rows = rows;
            this.projector = projector;
            this.entries = entries;
        }
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
     * partitions' rows wait in memory. Returns false, to be called again, while the outbox is full or the oldest
     * partition is still being read.
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
            PartitionRead oldest = inFlight.peek();
            if (oldest == null) {
                return true;
            }
            Traverser<JetSqlRow> read = rowsIfRead(oldest);
            if (read == null) {
                return false;
            }
            inFlight.poll();
            rows = read;
        }
    }
}
