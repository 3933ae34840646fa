package dev.grid.core.query;

import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import dev.grid.core.Grid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapContainer;

import java.util.List;

/**
 * How many partitions the members answered from indexes and by scans, and of the indexed ones how many from the member
 * indexes (off the partition threads), summed over the running members.
 */
record QueryCounters(long byIndex, long byScan, long byMemberIndex) {

    static QueryCounters of(List<Grid> members, String map) {
        long index = 0;
        long scan = 0;
        long fromMemberIndexes = 0;
        for (Grid member : members) {
            if (!member.isRunning()) {
                continue;
            }
            GridMapService service = ((HazelcastInstanceProxy) member.hazelcast()).getOriginal().node.getNodeEngine()
                    .getService(GridMapService.SERVICE_NAME);
            MapContainer container = service.containerOrNull(map);
            if (container != null) {
                index += container.partitionQueriesByIndex();
                scan += container.partitionQueriesByScan();
                fromMemberIndexes += container.partitionQueriesByMemberIndex();
            }
        }
        return new QueryCounters(index, scan, fromMemberIndexes);
    }

    QueryCounters minus(QueryCounters before) {
        return new QueryCounters(byIndex - before.byIndex, byScan - before.byScan, byMemberIndex - before.byMemberIndex);
    }
}
