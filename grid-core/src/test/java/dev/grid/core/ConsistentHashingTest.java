package dev.grid.core;

import dev.grid.core.config.GridConfig;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the two properties fixed-slot consistent hashing promises, with Hazelcast's default 271
 * partitions: balance across members, and how few partitions change owner when a member joins.
 */
class ConsistentHashingTest {
    private static final int PARTITIONS = GridConfig.DEFAULT_PARTITION_COUNT;
    private final List<Grid> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(grid -> grid.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void partitionsAreBalancedAndAFourthMemberMovesAboutAQuarter() {
        TestClusters cluster = TestClusters.of(4, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            started.add(cluster.startMember());
        }
        Grid observer = started.get(0);
        awaitStable(observer, 3);

        PartitionDistribution three = observer.partitions().distribution();
        UUID[] before = owners(observer);
        started.add(cluster.startMember());
        awaitStable(observer, 4);
        PartitionDistribution four = observer.partitions().distribution();
        UUID[] after = owners(observer);

        int moved = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            if (!before[p].equals(after[p])) {
                moved++;
            }
        }
        double movedFraction = (double) moved / PARTITIONS;
        System.out.printf("consistent hashing, %d partitions: 3 members own min %d / max %d (ideal %.1f, max/min %.3f); "
                        + "4 members own min %d / max %d (ideal %.2f); a 4th member moved %d of %d owners = %.3f (ideal 0.250)%n",
                PARTITIONS, three.min(), three.max(), three.ideal(), (double) three.max() / three.min(),
                four.min(), four.max(), four.ideal(), moved, PARTITIONS, movedFraction);

        assertEquals(0, three.unassigned());
        assertTrue(three.max() - three.min() <= 1, "3 members should differ by at most one partition: " + three);
        assertTrue(four.max() - four.min() <= 1, "4 members should differ by at most one partition: " + four);
        // Every owner the new member got had to move; a perfect scheme moves exactly those (1/4).
        int newMemberOwns = four.ownedCounts().get(started.get(3).localMember().orElseThrow());
        assertTrue(moved >= newMemberOwns, "moved " + moved + " < owned by the new member " + newMemberOwns);
        assertTrue(movedFraction <= 0.35, "a join should move close to 1/4 of the owners, moved " + movedFraction);
    }

    private static void awaitStable(Grid observer, int members) {
        await().atMost(Duration.ofSeconds(90)).until(() -> observer.members().size() == members
                && observer.hazelcast().getPartitionService().isClusterSafe()
                && observer.partitions().distribution().unassigned() == 0
                && observer.partitions().distribution().min() > 0);
    }

    private static UUID[] owners(Grid grid) {
        UUID[] owners = new UUID[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            owners[p] = grid.partitions().ownerOf(p).orElseThrow().id();
        }
        return owners;
    }
}
