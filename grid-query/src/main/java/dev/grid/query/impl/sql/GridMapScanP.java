package dev.grid.query.impl.sql;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvRowProjector;
import com.hazelcast.sql.impl.row.JetSqlRow;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.MemberMaps;
import dev.grid.core.spi.PartitionScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Reads a member's share of a GridMap's partitions (Jet assigns each member the partitions it owns when the query
 * starts), one partition at a time. The query's filter and projection run inside the read: on the partition's thread,
 * over each entry as the store hands it over ({@link MemberMaps#scanOwned}), so only matching rows, with only the
 * projected columns, are kept. When the map has an index on a column the filter compares with a constant, the read
 * visits only the entries the index names ({@link IndexTerms}). A partition that moved or is migrating when its turn comes is read once through
 * {@link PartitionScan} from its current owner and filtered on arrival.
 *
 * <p>Not cooperative: it waits for partition threads.
 */
final class GridMapScanP extends AbstractProcessor {
    /** The {@code lookup} of a scan: no key lookup. */
    static final Object NO_LOOKUP = new Object();

    private final String mapName;
    private final KvRowProjector projector;
    private final SerializationService serialization;
    private final boolean jsonKey;
    private final boolean jsonValue;
    private final Object lookup;
    private final GridPredicate candidates;
    private MemberMaps maps;
    private PartitionScan<Object, Object> moved;
    private Traverser<JetSqlRow> rows;

    /**
     * @param lookup     the key of a key lookup ({@code WHERE __key = ?}; null matches nothing), or {@link #NO_LOOKUP}
     * @param candidates the filter's comparisons an index may answer ({@link IndexTerms}), or null
     */
    GridMapScanP(String mapName, KvRowProjector projector, SerializationService serialization, boolean jsonKey, boolean jsonValue,
                 Object lookup, GridPredicate candidates) {
        this.mapName = mapName;
        this.projector = projector;
        this.serialization = serialization;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
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
            rows = Traversers.traverseArray(boxed(context.processorPartitions()))
                    .flatMap(partition -> Traversers.traverseIterable(read(partition)));
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
                    JetSqlRow row = value == null ? null : project(lookup, value);
                    rows = row == null ? Traversers.empty() : Traversers.singleton(row);
                }
            }
        }
    }

    private List<JetSqlRow> read(int partition) {
        List<JetSqlRow> matching = new ArrayList<>();
        MemberMaps.OwnedScan scan;
        try {
            scan = maps.scanOwned(mapName, partition, candidates, (key, value) -> {
                ScanCounters.ENTRIES_READ.increment();
                JetSqlRow row = project(serialization.toObject(new HeapData(key)), serialization.toObject(new HeapData(value)));
                if (row != null) {
                    matching.add(row);
                }
            }).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (scan != MemberMaps.OwnedScan.NOT_OWNED) {
            ScanCounters.OWNED.increment();
            if (scan == MemberMaps.OwnedScan.INDEXED) {
                ScanCounters.INDEXED.increment();
            }
            return matching;
        }
        ScanCounters.MOVED.increment();
        for (Map.Entry<Object, Object> entry : moved.partitionEntries(partition, Integer.MAX_VALUE)) {
            ScanCounters.ENTRIES_READ.increment();
            JetSqlRow row = project(entry.getKey(), entry.getValue());
            if (row != null) {
                matching.add(row);
            }
        }
        return matching;
    }

    private JetSqlRow project(Object key, Object value) {
        // flat JSON is read by Hazelcast's JSON target, which takes text: a HazelcastJsonValue is its text
        return projector.project(jsonKey ? json(key) : key, jsonValue ? json(value) : value);
    }

    private static Object json(Object object) {
        return object instanceof HazelcastJsonValue json ? json.getValue() : object;
    }

    private static Integer[] boxed(int[] partitions) {
        Integer[] boxed = new Integer[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            boxed[i] = partitions[i];
        }
        return boxed;
    }

    @Override
    public boolean complete() {
        return emitFromTraverser(rows);
    }
}
