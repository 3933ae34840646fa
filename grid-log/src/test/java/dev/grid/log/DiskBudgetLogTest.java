package dev.grid.log;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member's disk budget: appends past it are refused with a clear error; the member keeps serving; deleting a topic frees it. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DiskBudgetLogTest {
    private static final long BUDGET = 256 << 10;

    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.members(1).withClient()
            .configure(config -> config.getLog().setDirectory(LogClusters.tempDirectory()).setDiskBudget(BUDGET));

    @Test
    void anAppendPastTheBudgetIsRefusedAndTheMemberKeepsServing() {
        GridLog log = GridLog.of(CLUSTER.client());
        log.createTopic(new GridTopicConfig("full").setPartitions(2).setSegmentBytes(64 << 10).setMaxRecordBytes(4096));
        long stored = 0;
        LogDiskFullException refused = null;
        try (LogProducer producer = log.producer(new ProducerConfig().setBatchBytes(8 << 10))) {
            for (int i = 0; i < 1_000 && refused == null; i++) {
                CompletableFuture<AppendResult> sent = producer.send(ProducerRecord.of("full", null, new byte[1000]).toPartition(i % 2));
                try {
                    sent.join();
                    stored++;
                } catch (CompletionException e) {
                    refused = assertInstanceOf(LogDiskFullException.class, e.getCause());
                }
            }
        }
        assertTrue(refused != null, "the budget of " + BUDGET + " bytes was never reached after " + stored + " records");
        assertTrue(refused.getMessage().contains("full-"), refused.getMessage());
        assertTrue(stored > 100, "records were stored before the budget was reached: " + stored);
        long readable = log.endOffset("full", 0) + log.endOffset("full", 1);
        assertEquals(stored, readable, "every acknowledged record is kept and readable");
        assertEquals(1000, log.read("full", 0, 0, 1).records().get(0).value().length);

        assertTrue(log.deleteTopic("full"));
        log.createTopic("after", 1);
        try (LogProducer producer = log.producer()) {
            assertEquals(0, producer.send(ProducerRecord.of("after", "k", "v")).join().offset(), "deleting the topic freed its bytes");
        }
        assertThrows(UnknownTopicException.class, () -> log.read("full", 0, 0, 1));
    }
}
