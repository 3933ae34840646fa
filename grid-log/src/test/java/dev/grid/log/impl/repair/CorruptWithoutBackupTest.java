package dev.grid.log.impl.repair;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.CorruptRecordException;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.impl.storage.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.grid.log.impl.repair.CorruptionClusters.acknowledged;
import static dev.grid.log.impl.repair.CorruptionClusters.createTopic;
import static dev.grid.log.impl.repair.CorruptionClusters.metric;
import static dev.grid.log.impl.repair.CorruptionClusters.middleSealedSegment;
import static dev.grid.log.impl.repair.CorruptionClusters.replica;
import static dev.grid.log.impl.repair.CorruptionClusters.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no backup ({@code grid.backupCount} 0) a damaged segment cannot be rebuilt: the records before the bad batch
 * are still served, a read of the bad batch fails with a {@link CorruptRecordException} naming the partition, the file
 * and the position, the bad batch is logged and counted once however often it is read, and the member keeps serving.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CorruptWithoutBackupTest {
    @RegisterExtension
    static final GridCluster CLUSTER = CorruptionClusters.members(1, 0, Duration.ZERO);

    @Test
    void theRecordsBeforeTheBadBatchAreServedAndItsReadFailsNamingIt() {
        String topic = "alone";
        Grid member = CLUSTER.member(0);
        createTopic(member, topic);
        Map<Long, String> acknowledged = acknowledged(send(member, topic, "v", 2_000), "v", new HashMap<>());
        Path segment = middleSealedSegment(member, topic);
        CorruptionClusters.flipByte(segment);
        Corruption bad = replica(member, topic).log().findCorruption(segment.toString());

        GridLog log = GridLog.of(member);
        long next = 0;
        while (next < bad.offset()) {
            FetchResult page = log.read(topic, 0, next, 100);
            assertTrue(!page.records().isEmpty(), "records before the bad batch are served, offset " + next);
            for (ConsumerRecord r : page.records()) {
                assertEquals(acknowledged.get(r.offset()), r.valueAsString());
                next = r.offset() + 1;
            }
        }
        assertEquals(bad.offset(), next, "reads stop before the bad batch");
        for (int i = 0; i < 3; i++) {
            long from = next;
            CompletionException failed = assertThrows(CompletionException.class,
                    () -> log.readAsync(topic, 0, from, 100, 1 << 20, Duration.ZERO).join());
            CorruptRecordException e = assertInstanceOf(CorruptRecordException.class, failed.getCause());
            assertTrue(e.getMessage().startsWith(topic + "-0: the owner's segment " + segment + " on member "), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt batch at position " + bad.position() + " (offset " + bad.offset() + ")"),
                    e.getMessage());
        }
        assertEquals(1, metric(member, "grid_log_corruptions_total", "owner"), "counted once");
        assertEquals(0, metric(member, "grid_log_repairs_total", "owner"));

        // the member keeps serving: appends to the partition, and reads of them
        AppendResult later = send(member, topic, "later", 1).get(0).join();
        assertEquals(2_000, later.offset());
        assertEquals("later-0", log.read(topic, 0, later.offset(), 1).records().get(0).valueAsString());
    }
}
