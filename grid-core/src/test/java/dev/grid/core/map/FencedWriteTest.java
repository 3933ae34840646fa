package dev.grid.core.map;

import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage checks fences: a write with a fence below the key's highest is refused, everywhere it lives. */
class FencedWriteTest {
    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stopAll() {
        members.forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    @Test
    void shouldRejectWriteWithStaleFence() {
        TestClusters cluster = TestClusters.of(1, 7);
        members.add(cluster.startMember());
        GridMap<String, String> map = members.get(0).map("fenced");

        map.setFenced("account", "holder-5", 5);
        map.setFenced("account", "holder-5 again", 5);
        assertEquals("holder-5 again", map.putFenced("account", "holder-9", 9));
        FencedWriteRejectedException stale = assertThrows(FencedWriteRejectedException.class,
                () -> map.setFenced("account", "paused holder-5", 5));
        assertEquals(5, stale.fence());
        assertEquals(9, stale.highestFence());
        assertTrue(stale.getMessage().contains("key 'account'") && stale.getMessage().contains("fence 5")
                && stale.getMessage().contains("lower than 9"), stale.getMessage());
        assertEquals("holder-9", map.get("account"), "the stale write stored nothing");

        assertEquals("holder-9", map.removeFenced("account", 9));
        assertThrows(FencedWriteRejectedException.class, () -> map.setFenced("account", "resurrected", 7),
                "a removed key keeps its highest fence");
        assertNull(map.get("account"));
    }

    @Test
    void shouldRejectFenceZeroOrNegative() {
        TestClusters cluster = TestClusters.of(1, 7);
        members.add(cluster.startMember());
        GridMap<String, String> map = members.get(0).map("fenced");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.setFenced("k", "v", 0));
        assertTrue(e.getMessage().contains("needs a fence > 0") && e.getMessage().contains("was 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> map.removeFenced("k", -3));
        assertNull(map.get("k"));
    }

    @Test
    void theHighestFenceSurvivesTheOwnersDeathAndMigration() {
        TestClusters cluster = TestClusters.of(4, 13);
        for (int i = 0; i < 3; i++) {
            members.add(cluster.startMember());
        }
        Grid caller = members.get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> caller.members().size() == 3
                && caller.hazelcast().getPartitionService().isClusterSafe());
        GridMap<Integer, String> map = caller.map("fenced");
        for (int k = 0; k < 100; k++) {
            map.setFenced(k, "v" + k, 100 + k);
        }
        // kill a member that owns keys, then add one so partitions migrate
        Grid victim = members.remove(1);
        victim.hazelcast().getLifecycleService().terminate();
        members.add(cluster.startMember());
        await().atMost(Duration.ofSeconds(90)).until(() -> caller.members().size() == 3
                && caller.hazelcast().getPartitionService().isClusterSafe());
        for (int k = 0; k < 100; k++) {
            int key = k;
            assertThrows(FencedWriteRejectedException.class, () -> map.setFenced(key, "stale", 99 + key), "key " + k);
            assertEquals("v" + k, map.get(k));
            map.setFenced(k, "next", 100 + k);
        }
    }
}
