package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on three embedded members, called from one of them (so most keys are remote). */
class ThreeMemberGridMapTest extends GridMapContractTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3);

    @Override
    protected Grid grid() {
        return CLUSTER.member(1);
    }

    @Test
    void everyEntryHasAPrimaryAndOneBackupAcrossTheMembers() {
        GridMap<Integer, String> map = CLUSTER.member(0).map("replicas");
        for (int i = 0; i < 300; i++) {
            map.set(i, "v" + i);
        }
        long primaries = 0;
        long backups = 0;
        long localReads = 0;
        for (Grid member : CLUSTER.members()) {
            GridMapStats stats = member.<Integer, String>map("replicas").localStats();
            primaries += stats.primaryEntries();
            backups += stats.backupEntries();
            localReads += stats.localReads();
            assertTrue(stats.primaryEntries() > 0, "each member owns some keys: " + stats);
        }
        assertEquals(300, primaries);
        assertEquals(300, backups, "backupCount 1: one synchronous backup of every entry");
        for (int i = 0; i < 300; i++) {
            assertEquals("v" + i, map.get(i));
        }
        long localAfter = 0;
        for (Grid member : CLUSTER.members()) {
            localAfter += member.<Integer, String>map("replicas").localStats().localReads();
        }
        assertTrue(localAfter - localReads >= 50 && localAfter - localReads < 300,
                "about a third of the keys are owned by the calling member and read locally: " + (localAfter - localReads));
        map.destroy();
    }
}
