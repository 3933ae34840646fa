package dev.grid.core;

import com.hazelcast.cluster.Address;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.InternalPartitionService;
import dev.grid.core.config.GridConfig;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedGridTest {
    private final List<Grid> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(grid -> grid.hazelcast().getLifecycleService().terminate());
    }

    private Grid start(TestClusters cluster) {
        Grid grid = cluster.startMember();
        started.add(grid);
        return grid;
    }

    @Test
    void singleMemberOwnsEveryPartition() {
        TestClusters cluster = TestClusters.of(1, 31);
        Grid grid = start(cluster);

        assertEquals(GridMode.EMBEDDED, grid.mode());
        assertEquals(cluster.clusterName(), grid.clusterName());
        GridMember self = grid.localMember().orElseThrow();
        assertTrue(self.local());
        assertEquals(List.of(self), grid.members());
        assertEquals(31, grid.partitions().count());
        PartitionDistribution distribution = grid.partitions().distribution();
        assertEquals(Map.of(self, 31), distribution.ownedCounts());
        assertEquals(0, distribution.unassigned());
        assertEquals(self, grid.partitions().ownerOfKey("any key").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> grid.partitions().ownerOf(31));
        assertThrows(IllegalArgumentException.class, () -> grid.partitions().ownerOf(-1));
    }

    @Test
    void closeLeavesTheClusterAndIsIdempotent() {
        Grid grid = start(TestClusters.of(1, 7));
        assertTrue(grid.isRunning());
        grid.close();
        assertFalse(grid.isRunning());
        grid.close();
    }

    @Test
    void threeMembersSeeEachOtherAndAgreeWithHazelcastsPartitionTable() {
        TestClusters cluster = TestClusters.of(3, 71);
        List<Grid> grids = List.of(start(cluster), start(cluster), start(cluster));
        await().atMost(Duration.ofSeconds(60)).until(() -> grids.stream().allMatch(g -> g.members().size() == 3));
        await().atMost(Duration.ofSeconds(60)).until(() -> grids.get(0).hazelcast().getPartitionService().isClusterSafe()
                && grids.get(0).partitions().distribution().min() > 0);

        Set<GridMember> expected = grids.stream().map(g -> g.localMember().orElseThrow()).collect(Collectors.toSet());
        for (Grid grid : grids) {
            assertEquals(expected, Set.copyOf(grid.members()));
            assertEquals(grid.localMember(), grid.members().stream().filter(GridMember::local).findFirst());
        }

        Grid grid = grids.get(1);
        InternalPartitionService hazelcastPartitions =
                ((HazelcastInstanceProxy) grid.hazelcast()).getOriginal().node.getPartitionService();
        for (int partitionId = 0; partitionId < 71; partitionId++) {
            Address owner = hazelcastPartitions.getPartitionOwner(partitionId);
            GridMember ours = grid.partitions().ownerOf(partitionId).orElseThrow();
            assertEquals(owner.getHost() + ":" + owner.getPort(), ours.address(), "owner of partition " + partitionId);
        }
        for (int i = 0; i < 1000; i++) {
            String key = "key-" + i;
            assertEquals(hazelcastPartitions.getPartitionId(key), grid.partitions().partitionOf(key), key);
        }
        PartitionDistribution distribution = grid.partitions().distribution();
        assertEquals(3, distribution.ownedCounts().size());
        assertEquals(71, distribution.ownedCounts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, distribution.unassigned());
    }

    @Test
    void shouldFailToStartOnATakenPortWithoutAutoIncrement() {
        TestClusters cluster = TestClusters.of(1, 7);
        GridConfig first = cluster.nextMemberConfig();
        started.add(Grid.embedded(first));
        GridConfig clash = new GridConfig().setClusterName(cluster.clusterName() + "-other").setPartitionCount(7);
        clash.getNetwork().setPort(first.getNetwork().getPort()).setPortAutoIncrement(false)
                .setMembers(first.getNetwork().getMembers());
        GridException e = assertThrows(GridException.class, () -> started.add(Grid.embedded(clash)));
        assertTrue(e.getMessage().contains(":" + first.getNetwork().getPort()), e.getMessage());
    }
}
