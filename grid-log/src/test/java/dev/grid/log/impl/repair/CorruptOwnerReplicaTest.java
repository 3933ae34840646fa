package dev.grid.log.impl.repair;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.AppendResult;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.impl.storage.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition owner's segment file is damaged (a flipped byte, a truncated file) under a three-member cluster with one
 * synchronous backup. The scrub is off: the owner's reads find the bad batch. The owner copies its log back from the
 * backup while reads and appends wait (a member's and a client's invocations retry); afterwards every acknowledged
 * record is there once at its offset (also those appended while the repair ran), the repair was logged and counted,
 * and the member keeps serving.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CorruptOwnerReplicaTest {
    @RegisterExtension
    static final GridCluster CLUSTER = CorruptionClusters.members(3, 1, Duration.ZERO);

    @Test
    void aFlippedByteInTheOwnersClosedSegmentIsRepairedFromTheBackup() {
        damagedOwnerIsRepaired("flipped", CorruptionClusters::flipByte, CLUSTER.member(0));
    }

    /** Through a client: its invocations wait out the repair as a member's do. */
    @Test
    void aTruncatedOwnerSegmentIsRepairedFromTheBackup() {
        damagedOwnerIsRepaired("truncated", CorruptionClusters::truncateToHalf, CLUSTER.client());
    }

    /** Appends and reads go through {@code client} (a member or a client). */
    private void damagedOwnerIsRepaired(String topic, ToLongFunction<Path> damage, Grid client) {
        createTopic(client, topic);
        Map<Long, String> acknowledged = acknowledged(send(client, topic, "before", 2_000), "before", new HashMap<>());
        Grid owner = replicaHolder(CLUSTER.members(), topic, 0);
        double corruptionsBefore = metric(owner, "grid_log_corruptions_total", "owner");
        double repairsBefore = metric(owner, "grid_log_repairs_total", "owner");
        Path segment = middleSealedSegment(owner, topic);
        long position = damage.applyAsLong(segment);
        Corruption bad = replica(owner, topic).log().findCorruption(segment.toString());   // (a look only: repairs nothing)
        long from = bad == null ? 0 : bad.offset();     // null only if a late check of the rolled segment repaired it already

        // a read of the bad batch starts the repair; appends sent meanwhile wait (retried), none is lost or stored twice
        CompletableFuture<FetchResult> first = GridLog.of(client).readAsync(topic, 0, from, 10, 1 << 20, Duration.ZERO);
        List<CompletableFuture<AppendResult>> during = send(client, topic, "during", 300);
        assertEquals(acknowledged.get(from), first.join().records().get(0).valueAsString(), "the bad batch's first record");
        acknowledged(during, "during", acknowledged);
        assertEveryAcknowledgedRecordOnce(client, topic, acknowledged);

        assertEquals(corruptionsBefore + 1, metric(owner, "grid_log_corruptions_total", "owner"), warnings(owner));
        assertEquals(repairsBefore + 1, metric(owner, "grid_log_repairs_total", "owner"), warnings(owner));
        String logged = warnings(owner);
        assertTrue(logged.contains("corrupt " + topic + " partition 0 (owner replica): segment " + segment), logged);
        assertTrue(logged.contains("repaired " + topic + " partition 0 (owner replica): rebuilt from member"), logged);
        Corruption none = replica(owner, topic).log().findCorruption(segment.toString());
        assertNull(none, "the owner's files are sound again (damaged at byte " + position + ")");

        // the member keeps serving
        acknowledged(send(client, topic, "after", 100), "after", acknowledged);
        assertEveryAcknowledgedRecordOnce(owner, topic, acknowledged);
        assertEquals(2_400, GridLog.of(client).endOffset(topic, 0), "nothing was stored twice");
    }
}
