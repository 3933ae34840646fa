package dev.grid.log.impl.repair;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.grid.log.impl.repair.CorruptionClusters.acknowledged;
import static dev.grid.log.impl.repair.CorruptionClusters.assertEveryAcknowledgedRecordOnce;
import static dev.grid.log.impl.repair.CorruptionClusters.createTopic;
import static dev.grid.log.impl.repair.CorruptionClusters.metric;
import static dev.grid.log.impl.repair.CorruptionClusters.middleSealedSegment;
import static dev.grid.log.impl.repair.CorruptionClusters.replicaHolder;
import static dev.grid.log.impl.repair.CorruptionClusters.send;
import static dev.grid.log.impl.repair.CorruptionClusters.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first backup's segment file is damaged and the owner dies at once: the damaged backup is promoted. Two
 * synchronous backups, so the second still holds every acknowledged record. The scrub is off: the bad batch is found
 * by the new owner's first read of it (it then copies its log back from the other backup), or, when the check of the
 * rolled segment got there first, while it was still a backup (it cut its log, and as the new owner it copies back
 * what it lacks before serving). Either way every acknowledged record is read once at its offset.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CorruptPromotedBackupTest {
    @RegisterExtension
    static final GridCluster CLUSTER = CorruptionClusters.members(3, 2, Duration.ZERO);

    @Test
    void aCorruptBackupPromotedByTheOwnersDeathIsRepairedFromTheOtherBackup() {
        String topic = "promoted";
        Grid client = CLUSTER.member(0);
        createTopic(client, topic);
        Map<Long, String> acknowledged = acknowledged(send(client, topic, "v", 2_000), "v", new HashMap<>());
        Grid owner = replicaHolder(CLUSTER.members(), topic, 0);
        Grid first = replicaHolder(CLUSTER.members(), topic, 1);
        Path segment = middleSealedSegment(first, topic);
        CorruptionClusters.flipByte(segment);

        owner.hazelcast().getLifecycleService().terminate();     // a crash: the damaged first backup is promoted
        CLUSTER.awaitSafe(2);              // the first backup is promoted (a copy for a migration from it also finds the bad batch)
        Grid survivor = CLUSTER.members().stream().filter(m -> m.isRunning() && m != first).findFirst().orElseThrow();
        assertEveryAcknowledgedRecordOnce(survivor, topic, acknowledged);

        // found by a read once it owns the partition (then it repairs its own log), or already by the check of the rolled
        // segment while it was a backup (then it cut its log, and as the new owner copies back what it lacks): either way
        // the new owner rebuilt its log from the other backup
        String logged = warnings(first);
        assertEquals(1, metric(first, "grid_log_corruptions_total", "owner") + metric(first, "grid_log_corruptions_total", "backup"),
                logged);
        assertEquals(1, metric(first, "grid_log_repairs_total", "owner"), logged);
        assertTrue(logged.contains("corrupt " + topic + " partition 0 ("), logged);
        assertTrue(logged.contains("replica): segment " + segment), logged);
        assertTrue(logged.contains("repaired " + topic + " partition 0 (owner replica): rebuilt from member " + CorruptionClusters.uuid(
                CLUSTER.members().stream().filter(m -> m.isRunning() && m != first).findFirst().orElseThrow())), logged);
        acknowledged(send(survivor, topic, "after", 100), "after", acknowledged);
        assertEveryAcknowledgedRecordOnce(first, topic, acknowledged);
    }
}
