package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.spi.MemberLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** grid-log's member SPI: what member-side code of other modules (grid-query's SQL scan) reads the log through. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MemberLogSpiTest {
    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.members(2);

    @Test
    void shouldReadPlaceAndSeekLikeTheApi() {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        log.createTopic("spi", 3);
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(ProducerRecord.of("spi", "k" + i, "v" + i).toPartition(1).withTimestamp(1_000L * (i + 1))).join();
            }
        }
        MemberLog spi = MemberLog.of(member.hazelcast());
        assertEquals(3, spi.partitions("spi"));
        TopicDescription described = log.describeTopic("spi");
        for (PartitionInfo partition : described.partitions()) {
            assertEquals(partition.clusterPartition(), spi.clusterPartition("spi", partition.partition()));
        }
        assertArrayEquals(new long[] {0, 10}, spi.startAndHighWatermark("spi", 1).join());
        assertEquals(OptionalLong.of(4), spi.offsetForTimestamp("spi", 1, 4_500).join());
        assertEquals(OptionalLong.empty(), spi.offsetForTimestamp("spi", 1, 20_000).join());
        FetchResult read = spi.read("spi", 1, 7, 100, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO).join();
        assertEquals(3, read.records().size());
        assertEquals("v7", read.records().get(0).valueAsString());
        assertEquals(7, read.records().get(0).offset());
        assertEquals(8_000, read.records().get(0).timestamp());
    }

    @Test
    void shouldNameAnUnknownTopicAndPartition() {
        MemberLog spi = MemberLog.of(CLUSTER.member(1).hazelcast());
        UnknownTopicException unknown = assertThrows(UnknownTopicException.class, () -> spi.partitions("nowhere"));
        assertEquals(true, unknown.getMessage().contains("nowhere"), unknown.getMessage());
        GridLog.of(CLUSTER.member(1)).createTopic("small", 2);
        PartitionOutOfRangeException range = assertThrows(PartitionOutOfRangeException.class,
                () -> spi.read("small", 2, 0, 10, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO));
        assertEquals(true, range.getMessage().contains("small"), range.getMessage());
        assertThrows(CompletionException.class, () -> spi.read("small", 0, 5, 10, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO).join());
    }
}
