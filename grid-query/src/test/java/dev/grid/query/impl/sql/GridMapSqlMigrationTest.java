package dev.grid.query.impl.sql;

import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans while a member joins and partitions migrate to it: every query returns every entry exactly once (a partition
 * that moved or is migrating when its turn comes is read from its current owner instead, and some are).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GridMapSqlMigrationTest {
    private static final int ENTRIES = 2_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).upTo(3).partitions(71);

    @Test
    void shouldReturnEveryEntryOnceWhileAMemberJoins() {
        Grid member = CLUSTER.member(0);
        GridMap<Integer, Long> map = member.map("moving");
        Map<Integer, Long> entries = new HashMap<>();
        IntStream.range(0, ENTRIES).forEach(key -> entries.put(key, (long) key * 3));
        map.putAll(entries);
        try (SqlResult ignored = member.hazelcast().getSql().execute(
                "CREATE MAPPING moving TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='bigint')")) {
            ignored.isRowSet();
        }
        List<Integer> expected = IntStream.range(0, ENTRIES).boxed().toList();
        assertEquals(expected, keys(member));

        long movedBefore = ScanCounters.MOVED.sum();
        CompletableFuture<Grid> joining = CompletableFuture.supplyAsync(CLUSTER::startMember);
        int queries = 0;
        while (queries < 3 || !joining.isDone() || !member.hazelcast().getPartitionService().isClusterSafe()) {
            assertEquals(expected, keys(member), "query " + queries + " while a member joins");
            queries++;
        }
        joining.join();
        CLUSTER.awaitSafe(3);
        assertEquals(expected, keys(member));
        assertEquals(expected, keys(CLUSTER.member(2)));
        assertTrue(queries >= 3);
        // 40-80 of the partitions read during the join had moved when their turn came (read from their new owner)
        assertTrue(ScanCounters.MOVED.sum() > movedBefore, "no partition was read from its new owner: the test did not cover that path");
    }

    private static List<Integer> keys(Grid grid) {
        List<Integer> keys = new ArrayList<>(ENTRIES);
        try (SqlResult result = grid.hazelcast().getSql().execute("SELECT __key, this FROM moving")) {
            for (SqlRow row : result) {
                int key = row.getObject(0);
                assertEquals(key * 3L, (long) row.getObject(1));
                keys.add(key);
            }
        }
        keys.sort(null);
        return keys;
    }
}
