package dev.grid.log.impl.repair;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.impl.replica.PartitionLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static dev.grid.log.impl.repair.CorruptionClusters.acknowledged;
import static dev.grid.log.impl.repair.CorruptionClusters.assertEveryAcknowledgedRecordOnce;
import static dev.grid.log.impl.repair.CorruptionClusters.createTopic;
import static dev.grid.log.impl.repair.CorruptionClusters.metric;
import static dev.grid.log.impl.repair.CorruptionClusters.middleSealedSegment;
import static dev.grid.log.impl.repair.CorruptionClusters.replica;
import static dev.grid.log.impl.repair.CorruptionClusters.replicaHolder;
import static dev.grid.log.impl.repair.CorruptionClusters.send;
import static dev.grid.log.impl.repair.CorruptionClusters.warnings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backup's segment file is damaged under a three-member cluster with one synchronous backup. Nothing reads a
 * backup's files, so the background scrub (every 100 ms here) finds it (or the check of the segment when it rolled, if
 * that ran after the damage): the backup cuts its log at the bad batch and its owner refills it, without any new
 * append. Then the owner dies and the repaired backup, promoted, serves every
 * acknowledged record once at its offset.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorruptBackupReplicaTest {
    @RegisterExtension
    static final GridCluster CLUSTER = CorruptionClusters.members(3, 1, Duration.ofMillis(100));

    @Test
    @Order(1)
    void aTruncatedBackupSegmentIsCutAndRefilledByTheOwner() {
        damagedBackupIsRefilled("short", CorruptionClusters::truncateToHalf);
    }

    @Test
    @Order(2)
    void aFlippedByteInABackupIsRepairedAndThePromotedBackupServesEveryRecord() {
        String topic = "rotten";
        Map<Long, String> acknowledged = damagedBackupIsRefilled(topic, CorruptionClusters::flipByte);
        Grid owner = replicaHolder(CLUSTER.members(), topic, 0);
        Grid backup = replicaHolder(CLUSTER.members(), topic, 1);
        owner.hazelcast().getLifecycleService().terminate();     // a crash: the repaired backup is promoted
        CLUSTER.awaitSafe(2);              // the repaired backup was promoted (and may have handed ownership on since)
        assertEveryAcknowledgedRecordOnce(backup, topic, acknowledged);
        acknowledged(send(backup, topic, "promoted", 100), "promoted", acknowledged);
        assertEveryAcknowledgedRecordOnce(backup, topic, acknowledged);
    }

    private Map<Long, String> damagedBackupIsRefilled(String topic, ToLongFunction<Path> damage) {
        Grid client = CLUSTER.member(0);
        createTopic(client, topic);
        Map<Long, String> acknowledged = acknowledged(send(client, topic, "v", 2_000), "v", new HashMap<>());
        Grid owner = replicaHolder(CLUSTER.members(), topic, 0);
        Grid backup = replicaHolder(CLUSTER.members(), topic, 1);
        double corruptions = metric(backup, "grid_log_corruptions_total", "backup");
        double repairs = metric(backup, "grid_log_repairs_total", "backup");
        PartitionLog backupReplica = replica(backup, topic);
        long end = backupReplica.log().endOffset();
        Path segment = middleSealedSegment(backup, topic);
        long position = damage.applyAsLong(segment);

        await().atMost(Duration.ofSeconds(30)).until(() -> metric(backup, "grid_log_repairs_total", "backup") == repairs + 1);
        assertEquals(corruptions + 1, metric(backup, "grid_log_corruptions_total", "backup"), warnings(backup));
        String logged = warnings(backup);
        assertTrue(logged.contains("corrupt " + topic + " partition 0 (backup replica): segment " + segment), logged);
        assertTrue(logged.contains("found by the background scrub") || logged.contains("found by the check of a rolled segment"), logged);
        assertTrue(logged.contains("repaired " + topic + " partition 0 (backup replica)"), logged);
        assertEquals(end, backupReplica.log().endOffset(), "the backup holds every record again");
        for (long base : backupReplica.log().segmentBaseOffsets()) {
            String file = backupReplica.log().directory().resolve(String.format("%020d.log", base)).toString();
            assertNull(backupReplica.log().findCorruption(file), "the backup's files are sound (damaged at byte " + position + ")");
        }
        assertEquals(0, metric(owner, "grid_log_corruptions_total", "owner"), "the owner's files were sound");
        assertEveryAcknowledgedRecordOnce(client, topic, acknowledged);
        return acknowledged;
    }
}
