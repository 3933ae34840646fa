package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Log partitions move with their cluster partitions: records appended on two members are all readable, at the same
 * offsets, after a third member joins (partitions migrate to it) and then one of the first two leaves (backups promoted).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MigrationLogTest {
    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.members(2).upTo(3);

    @Test
    void recordsKeepTheirOffsetsWhenMembersJoinAndLeave() {
        GridLog log = GridLog.of(CLUSTER.member(1));
        log.createTopic("moving", 8);
        List<CompletableFuture<AppendResult>> sent = new ArrayList<>();
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < 20_000; i++) {
                sent.add(producer.send(ProducerRecord.of("moving", "k" + (i % 101), "v" + i)));
            }
        }
        Grid joined = CLUSTER.startMember();
        CLUSTER.awaitSafe(3);
        try (LogProducer producer = GridLog.of(joined).producer()) {
            for (int i = 20_000; i < 25_000; i++) {
                sent.add(producer.send(ProducerRecord.of("moving", "k" + (i % 101), "v" + i)));
            }
        }
        CLUSTER.member(0).hazelcast().getLifecycleService().terminate(); // a crash: backups are promoted
        CLUSTER.awaitSafe(2);
        GridLog after = GridLog.of(joined);
        for (int i = 0; i < sent.size(); i++) {
            AppendResult r = sent.get(i).join();
            if (i % 97 == 0) {
                assertEquals("v" + i, after.read("moving", r.partition(), r.offset(), 1).records().get(0).valueAsString(),
                        "record " + i + " at " + r);
            }
        }
        long total = 0;
        for (int p = 0; p < 8; p++) {
            total += after.endOffset("moving", p) - after.startOffset("moving", p);
        }
        assertEquals(25_000, total, "every record once, nothing more");
    }
}
