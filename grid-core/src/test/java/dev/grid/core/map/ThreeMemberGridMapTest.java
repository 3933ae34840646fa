package dev.grid.core.map;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapStats;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on three embedded members, called from one of them (so most keys are remote). */
class ThreeMemberGridMapTest extends GridMapContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        TestClusters cluster = TestClusters.of(3, 31);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(cluster.startMember());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> MEMBERS.get(0).members().size() == 3
                && MEMBERS.get(0).hazelcast().getPartitionService().isClusterSafe());
    }

    @AfterAll
    static void stop() {
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Override
    protected Grid grid() {
        return MEMBERS.get(1);
    }

    @Test
    void everyEntryHasAPrimaryAndOneBackupAcrossTheMembers() {
        GridMap<Integer, String> map = MEMBERS.get(0).map("replicas");
        for (int i = 0; i < 300; i++) {
            map.set(i, "v" + i);
        }
        long primaries = 0;
        long backups = 0;
        long localReads = 0;
        for (Grid member : MEMBERS) {
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
        for (Grid member : MEMBERS) {
            localAfter += member.<Integer, String>map("replicas").localStats().localReads();
        }
        assertTrue(localAfter - localReads >= 50 && localAfter - localReads < 300,
                "about a third of the keys are owned by the calling member and read locally: " + (localAfter - localReads));
        map.destroy();
    }
}
