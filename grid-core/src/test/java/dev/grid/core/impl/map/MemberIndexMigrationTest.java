package dev.grid.core.impl.map;

import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridPredicate;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member answers from its member indexes only while no migration of its own is under way: with one started and not
 * ended it reads its partitions on their threads (the answer the same), and goes back to the member indexes once the
 * migration ended. {@link MigrationStamp} on its own: a migration started or ended during a read spoils it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemberIndexMigrationTest {
    private static final String MAP = "member-index-migration";

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(31)
            .configure(config -> config.addMap(new GridMapConfig(MAP).setEntries(1000).addIndex(GridIndexConfig.hash("tag"))));

    record Tagged(String tag, int n) implements Serializable {
    }

    private static GridMapService service(Grid member) {
        return ((HazelcastInstanceProxy) member.hazelcast()).getOriginal().node.getNodeEngine().getService(GridMapService.SERVICE_NAME);
    }

    private static long byMemberIndex(Grid member) {
        return service(member).container(MAP).partitionQueriesByMemberIndex();
    }

    private static long byIndex(Grid member) {
        return service(member).container(MAP).partitionQueriesByIndex();
    }

    @Test
    void aMemberWithAMigrationUnderWayReadsItsPartitionsOnTheirThreads() {
        GridMap<Integer, Tagged> map = CLUSTER.member(1).map(MAP);
        Map<Integer, Tagged> entries = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            entries.put(i, new Tagged(i % 3 == 0 ? "a" : "b", i));
        }
        map.putAll(entries);
        Set<Integer> expected = entries.entrySet().stream().filter(e -> e.getValue().tag().equals("a")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        GridPredicate isA = GridPredicate.equal("tag", "a");
        Grid member = CLUSTER.member(0);

        long memberIndexBefore = byMemberIndex(member);
        assertEquals(expected, map.keySet(isA));
        assertTrue(byMemberIndex(member) > memberIndexBefore, "a quiet member answers from its member indexes");

        MigrationStamp migrations = service(member).migrations();
        migrations.started();
        try {
            memberIndexBefore = byMemberIndex(member);
            long indexBefore = byIndex(member);
            assertEquals(expected, map.keySet(isA));
            assertEquals(map.query(isA).keySet(), expected);
            assertEquals(memberIndexBefore, byMemberIndex(member), "a migration under way: no read off the partition threads");
            assertTrue(byIndex(member) > indexBefore, "its partitions answered from their own indexes instead");
        } finally {
            migrations.ended();
        }
        memberIndexBefore = byMemberIndex(member);
        assertEquals(expected, map.keySet(isA));
        assertTrue(byMemberIndex(member) > memberIndexBefore, "the migration ended: member indexes again");
    }

    @Test
    void aMigrationStartedOrEndedDuringAReadSpoilsIt() {
        MigrationStamp migrations = new MigrationStamp();
        long stamp = migrations.quiet();
        assertTrue(migrations.unchangedSince(stamp));
        migrations.started();
        assertFalse(migrations.unchangedSince(stamp), "started during the read");
        assertEquals(-1, migrations.quiet(), "under way");
        migrations.ended();
        long after = migrations.quiet();
        assertTrue(after >= 0);
        assertTrue(migrations.unchangedSince(after));
        migrations.ended(); // a rollback's end without a start here (the start was heard before the read began)
        assertFalse(migrations.unchangedSince(after), "ended during the read");
    }
}
