package dev.grid.log.impl.consumer;

import dev.grid.core.config.GridClock;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer outside a group, over the in-memory log. */
@Timeout(30)
class DefaultLogConsumerTest {
    private InMemoryLog log;

    @BeforeEach
    void topics() {
        log = new InMemoryLog();
        log.createTopic("orders", 3);
        log.createTopic("payments", 1);
    }

    private DefaultLogConsumer consumer(ConsumerConfig config) {
        return new DefaultLogConsumer(log, null, "test", config, GridClock.SYSTEM);
    }

    private static List<String> values(List<ConsumerRecord> records) {
        return records.stream().map(ConsumerRecord::valueAsString).toList();
    }

    @Test
    void readsEveryPartitionOfItsTopicsFromTheStartWithEarliest() {
        log.append("orders", 0, "o0");
        log.append("orders", 2, "o2");
        log.append("payments", 0, "p0");
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("orders", "payments").setStartFrom(ConsumerConfig.StartFrom.EARLIEST))) {
            assertNull(consumer.memberId());
            assertEquals(Set.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1), new TopicPartition("orders", 2),
                    new TopicPartition("payments", 0)), consumer.assignment());
            List<String> seen = new ArrayList<>();
            while (seen.size() < 3) {
                seen.addAll(values(consumer.poll(Duration.ofSeconds(5))));
            }
            assertEquals(Set.of("o0", "o2", "p0"), Set.copyOf(seen));
            assertEquals(1, consumer.position(new TopicPartition("orders", 2)));
        }
    }

    @Test
    void latestSkipsWhatWasThereBefore() {
        log.append("orders", 0, "old");
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("orders"))) {
            assertEquals(List.of(), consumer.poll(Duration.ofMillis(50)));
            log.append("orders", 0, "new");
            assertEquals(List.of("new"), values(consumer.poll(Duration.ofSeconds(5))));
        }
    }

    @Test
    void pollReturnsAsSoonAsARecordArrivesWithoutSpinning() throws Exception {
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("orders"))) {
            assertEquals(List.of(), consumer.poll(Duration.ofMillis(300)));
            long readsAfterIdlePoll = log.reads();
            assertEquals(3, readsAfterIdlePoll, "one outstanding read per partition, none repeated while waiting");

            producer.schedule(() -> log.append("orders", 1, "late"), 200, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            List<ConsumerRecord> records = consumer.poll(Duration.ofSeconds(20));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of("late"), values(records));
            assertTrue(tookMillis < 2_000, "poll returned " + tookMillis + " ms after it started");
            assertTrue(log.reads() <= readsAfterIdlePoll + 2, "reads: " + log.reads());
        } finally {
            producer.shutdownNow();
        }
    }

    @Test
    void returnsAtMostMaxPollRecordsInOffsetOrderAndTheRestNext() {
        for (int i = 0; i < 25; i++) {
            log.append("payments", 0, "p" + i);
        }
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("payments").setMaxPollRecords(10)
                .setStartFrom(ConsumerConfig.StartFrom.EARLIEST))) {
            List<String> all = new ArrayList<>();
            while (all.size() < 25) {
                List<ConsumerRecord> batch = consumer.poll(Duration.ofSeconds(5));
                assertTrue(batch.size() <= 10, "batch of " + batch.size());
                all.addAll(values(batch));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                expected.add("p" + i);
            }
            assertEquals(expected, all);
            assertEquals(25, consumer.position(new TopicPartition("payments", 0)));
        }
    }

    @Test
    void seeksByOffsetBeginningAndTimestamp() {
        for (int i = 0; i < 10; i++) {
            log.append("payments", 0, "p" + i, 1_000 + i);
        }
        TopicPartition p0 = new TopicPartition("payments", 0);
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("payments"))) {
            assertEquals(10, consumer.position(p0));
            consumer.seek(p0, 7);
            assertEquals(List.of("p7", "p8", "p9"), values(consumer.poll(Duration.ofSeconds(5))));
            consumer.seekToTimestamp(1_005);
            assertEquals(5, consumer.position(p0));
            assertEquals("p5", values(consumer.poll(Duration.ofSeconds(5))).get(0));
            consumer.seekToTimestamp(99_999);
            assertEquals(10, consumer.position(p0), "no record that recent: the high watermark");
            consumer.seekToBeginning();
            assertEquals(0, consumer.position(p0));
            assertEquals("p0", values(consumer.poll(Duration.ofSeconds(5))).get(0));

            IllegalStateException notAssigned = assertThrows(IllegalStateException.class, () -> consumer.seek(new TopicPartition("orders", 0), 0));
            assertTrue(notAssigned.getMessage().contains("orders-0"), notAssigned.getMessage());
            assertThrows(IllegalArgumentException.class, () -> consumer.seek(p0, -1));
        }
    }

    @Test
    void aPositionBelowRetentionMovesToTheStartOffset() {
        for (int i = 0; i < 10; i++) {
            log.append("payments", 0, "p" + i);
        }
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("payments").setStartFrom(ConsumerConfig.StartFrom.EARLIEST))) {
            log.truncate("payments", 0, 6);
            List<String> seen = new ArrayList<>();
            while (seen.size() < 4) {
                seen.addAll(values(consumer.poll(Duration.ofSeconds(5))));
            }
            assertEquals(List.of("p6", "p7", "p8", "p9"), seen);
        }
    }

    @Test
    void commitsNeedAGroup() {
        try (DefaultLogConsumer consumer = consumer(new ConsumerConfig("orders"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, consumer::commitSync);
            assertTrue(e.getMessage().contains("not in a group"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> consumer.commitSync(Map.of(new TopicPartition("orders", 0), 1L)));
        }
    }

    @Test
    void aClosedConsumerRefusesCalls() {
        DefaultLogConsumer consumer = consumer(new ConsumerConfig("orders"));
        consumer.close();
        consumer.close();
        assertThrows(IllegalStateException.class, () -> consumer.poll(Duration.ZERO));
    }

    @Test
    void badConfigIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> consumer(new ConsumerConfig()));
        assertTrue(e.getMessage().contains("topic"), e.getMessage());
    }
}
