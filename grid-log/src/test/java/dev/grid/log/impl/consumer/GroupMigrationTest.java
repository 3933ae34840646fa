package dev.grid.log.impl.consumer;

import com.hazelcast.cluster.Address;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups' committed offsets move with their cluster partitions: when members join, and when an owner leaves gracefully.
 * A consumer whose coordinator moved (and so forgot it: membership is kept in memory) still commits, rejoining first.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hung join is not interruptible
class GroupMigrationTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GroupClusters.members(2).upTo(4);
    private static final String TOPIC = "orders";
    private static final int GROUPS = 12;

    @Test
    void committedOffsetsMoveWithTheirPartitions() throws Exception {
        InMemoryLog log = new InMemoryLog();
        log.createTopic(TOPIC, 4);
        List<String> groups = new ArrayList<>();
        Map<String, Map<Integer, Long>> expected = new TreeMap<>();
        List<DefaultLogConsumer> open = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = "migrating-" + g;
            groups.add(group);
            Map<TopicPartition, Long> offsets = new TreeMap<>();
            Map<Integer, Long> byPartition = new TreeMap<>();
            for (int p = 0; p < 4; p++) {
                offsets.put(new TopicPartition(TOPIC, p), 100L * g + p);
                byPartition.put(p, 100L * g + p);
            }
            try (DefaultLogConsumer consumer = new DefaultLogConsumer(log, GroupClusters.group(CLUSTER.member(0), group),
                    "c", new ConsumerConfig(TOPIC).setGroup(group).setAutoCommit(false), GridClock.SYSTEM)) {
                consumer.commitSync(offsets);
            }
            expected.put(group, byPartition);
            // stays in the group across the migration; heartbeats too rare to rejoin before it commits again
            open.add(new DefaultLogConsumer(log, GroupClusters.group(CLUSTER.member(0), group), "c",
                    new ConsumerConfig(TOPIC).setGroup(group).setAutoCommit(false).setSessionTimeout(Duration.ofSeconds(60))
                            .setHeartbeatInterval(Duration.ofSeconds(20)), GridClock.SYSTEM));
        }
        Map<String, Address> owners = owners(groups);

        Grid third = CLUSTER.startMember();
        Grid fourth = CLUSTER.startMember();
        CLUSTER.awaitSafe(4);
        Map<String, Address> afterJoin = owners(groups);
        long moved = groups.stream().filter(g -> !owners.get(g).equals(afterJoin.get(g))).count();
        System.out.printf("consumer groups: %d of %d groups' partitions moved to another owner when two members joined%n", moved, GROUPS);
        assertTrue(moved > 0, "no group's partition migrated: the test shows nothing");
        for (String group : groups) {
            assertEquals(expected.get(group), committed(fourth, group), group + " after two members joined");
        }
        for (int g = 0; g < GROUPS; g++) {
            String group = groups.get(g);
            try (DefaultLogConsumer consumer = open.get(g)) {
                consumer.commitSync(Map.of(new TopicPartition(TOPIC, 1), 100L * g + 50));
            }
            expected.get(group).put(1, 100L * g + 50);
            assertEquals(expected.get(group), committed(fourth, group), group + " committed by a consumer whose coordinator "
                    + (owners.get(group).equals(afterJoin.get(group)) ? "stayed" : "moved"));
        }

        Grid owner = ownerOf(groups.get(0));
        owner.hazelcast().getLifecycleService().shutdown();
        CLUSTER.awaitSafe(3);
        Grid survivor = CLUSTER.members().stream().filter(Grid::isRunning).findFirst().orElseThrow();
        for (String group : groups) {
            assertEquals(expected.get(group), committed(survivor, group), group + " after a member left gracefully");
        }
    }

    private static Map<Integer, Long> committed(Grid member, String group) throws Exception {
        GroupClient client = GroupClusters.group(member, group);
        return new TreeMap<>(client.committedOffsets(TOPIC).get(30, TimeUnit.SECONDS));
    }

    private static Map<String, Address> owners(List<String> groups) {
        Grid any = CLUSTER.members().stream().filter(Grid::isRunning).findFirst().orElseThrow();
        NodeEngine engine = EmbeddedGrid.nodeEngine(any.hazelcast());
        Map<String, Address> owners = new TreeMap<>();
        for (String group : groups) {
            owners.put(group, engine.getPartitionService().getPartitionOwner(engine.getPartitionService().getPartitionId(group)));
        }
        return owners;
    }

    private static Grid ownerOf(String group) {
        Grid any = CLUSTER.members().stream().filter(Grid::isRunning).findFirst().orElseThrow();
        NodeEngine engine = EmbeddedGrid.nodeEngine(any.hazelcast());
        Address owner = engine.getPartitionService().getPartitionOwner(engine.getPartitionService().getPartitionId(group));
        return CLUSTER.members().stream().filter(Grid::isRunning)
                .filter(m -> EmbeddedGrid.nodeEngine(m.hazelcast()).getThisAddress().equals(owner)).findFirst().orElseThrow();
    }
}
