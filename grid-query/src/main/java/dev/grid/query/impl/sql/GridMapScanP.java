package dev.grid.query.impl.sql;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.sql.impl.connector.keyvalue.KvRowProjector;
import com.hazelcast.sql.impl.row.JetSqlRow;
import dev.grid.core.GridMap;
import dev.grid.core.spi.MemberContext;
import dev.grid.core.spi.PartitionScan;

import java.util.Map;

/**
 * Reads a member's share of a GridMap's partitions, one partition at a time through grid-core's
 * {@link PartitionScan} (on the partition's thread, locally: Jet assigns each member the partitions it owns), and
 * turns each entry into a row, or drops it, with the query's filter and projection as it goes. A partition that moved
 * away after the query started is still read once, from its new owner.
 *
 * <p>Not cooperative: a partition read waits for the partition thread.
 */
final class GridMapScanP extends AbstractProcessor {
    private final String mapName;
    private final KvRowProjector projector;
    private final boolean jsonKey;
    private final boolean jsonValue;
    private Traverser<JetSqlRow> rows;

    GridMapScanP(String mapName, KvRowProjector projector, boolean jsonKey, boolean jsonValue) {
        this.mapName = mapName;
        this.projector = projector;
        this.jsonKey = jsonKey;
        this.jsonValue = jsonValue;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        GridMap<Object, Object> map = MemberContext.of(context.hazelcastInstance()).maps().map(mapName);
        PartitionScan<Object, Object> scan = PartitionScan.of(map);
        rows = Traversers.traverseArray(toObjects(context.processorPartitions()))
                .flatMap(partition -> Traversers.traverseIterable(scan.partitionEntries(partition, Integer.MAX_VALUE)))
                .map(this::project);
    }

    private JetSqlRow project(Map.Entry<Object, Object> entry) {
        // flat JSON is read by Hazelcast's JSON target, which takes text: a HazelcastJsonValue is its text
        Object key = jsonKey ? json(entry.getKey()) : entry.getKey();
        Object value = jsonValue ? json(entry.getValue()) : entry.getValue();
        return projector.project(key, value);
    }

    private static Object json(Object object) {
        return object instanceof HazelcastJsonValue json ? json.getValue() : object;
    }

    private static Integer[] toObjects(int[] partitions) {
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
